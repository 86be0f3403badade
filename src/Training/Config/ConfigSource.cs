namespace ArithLab.Training.Config;

/// <summary>Where a value came from: a place in a YAML file, a `--set` override, or the default.</summary>
public sealed record ConfigSource
{
    private ConfigSource(string? file, int line, int column, string? overrideText)
    {
        File = file;
        Line = line;
        Column = column;
        Override = overrideText;
    }

    public static ConfigSource Default { get; } = new(null, 0, 0, null);

    /// <summary>The file name as given (not resolved), so messages match what the user typed.</summary>
    public string? File { get; }

    /// <summary>1-based line, 0 when not in a file.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 when not in a file.</summary>
    public int Column { get; }

    /// <summary>The override text `key=value` when the value came from `--set`.</summary>
    public string? Override { get; }

    public bool IsDefault => File is null && Override is null;

    public static ConfigSource InFile(string file, int line, int column) => new(file, line, column, null);

    public static ConfigSource FromOverride(string text) => new(null, 0, 0, text);

    public override string ToString() =>
        Override is not null ? $"--set {Override}"
        : File is not null ? $"{File}:{Line}:{Column}"
        : "default";
}
