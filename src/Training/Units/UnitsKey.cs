namespace ArithLab.Training.Units;

/// <summary>One key of the units YAML: path, type, meaning, and how it reads and writes <see cref="UnitsConfig"/>.</summary>
public sealed class UnitsKey
{
    private readonly Func<UnitsConfig, string> _get;
    private readonly Func<UnitsConfig, string, UnitsConfig> _set;

    internal UnitsKey(string path, string type, string doc, Func<UnitsConfig, string> get, Func<UnitsConfig, string, UnitsConfig> set)
    {
        Path = path;
        Type = type;
        Doc = doc;
        _get = get;
        _set = set;
    }

    /// <summary>Full dotted path, e.g. <c>train.sparsity.lambda</c>.</summary>
    public string Path { get; }

    public string Type { get; }

    public string Doc { get; }

    /// <summary>Whether it changes results (everything but <c>runtime.*</c>).</summary>
    public bool IsScience => !Path.StartsWith("runtime.", StringComparison.Ordinal);

    public string DefaultText => _get(UnitsConfig.Default);

    public string ValueText(UnitsConfig config) => _get(config);

    /// <summary>Parses <paramref name="text"/> into the config; throws <see cref="FormatException"/> saying what was expected.</summary>
    public UnitsConfig Set(UnitsConfig config, string text) => _set(config, text);
}
