namespace ArithLab.Training.Config;

/// <summary>The outcome of parsing one node: a value, or a problem and maybe the closest valid value.</summary>
internal readonly record struct ParsedValue(object? Value, string? Error, string? Suggestion = null)
{
    public bool Failed => Error is not null;

    public static ParsedValue Ok(object value) => new(value, null);

    public static ParsedValue Fail(string error, string? suggestion = null) => new(null, error, suggestion);
}
