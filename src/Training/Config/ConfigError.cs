namespace ArithLab.Training.Config;

/// <summary>One problem found in a config: the key, where it came from, what is wrong and, if any, the closest valid name.</summary>
public sealed record ConfigError(string KeyPath, ConfigSource Source, string Problem, string? Suggestion = null)
{
    /// <summary>Whether the key itself is unknown (rather than its value being wrong).</summary>
    public bool IsUnknownKey { get; init; }

    /// <summary>
    /// One line for people: "unknown key 'model.d_modle' at quickstart.yaml:7:3; did you mean 'd_model'?",
    /// "'model.heads' at quickstart.yaml:5:10: expected an integer, got 'four'",
    /// "--set train.lr=abc: expected a number, got 'abc'".
    /// </summary>
    public override string ToString()
    {
        var hint = Suggestion is null ? "" : $"; did you mean '{Suggestion}'?";
        if (Source.Override is not null)
        {
            return IsUnknownKey
                ? $"{Source}: unknown key '{KeyPath}'{hint}"
                : $"{Source}: {Problem}{hint}";
        }
        if (KeyPath.Length == 0)
        {
            // Problems with the document itself (bad YAML, wrong root) have no key to name.
            return $"{Source}: {Problem}";
        }
        var where = Source.IsDefault ? "(default)" : $"at {Source}";
        return IsUnknownKey
            ? $"unknown key '{KeyPath}' {where}{hint}"
            : $"'{KeyPath}' {where}: {Problem}{hint}";
    }
}
