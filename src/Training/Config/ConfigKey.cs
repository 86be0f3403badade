namespace ArithLab.Training.Config;

/// <summary>
/// One key of the experiment YAML: its full path, type, meaning and how it reads and writes the
/// record that holds it. The defaults live in the records; a key reads them from
/// <see cref="ExperimentConfig.Default"/>, so names, defaults and docs each have one home.
/// </summary>
public sealed class ConfigKey
{
    private readonly Func<ExperimentConfig, object>? _get;
    private readonly Func<ExperimentConfig, object, ExperimentConfig> _set;
    private readonly Func<ExperimentConfig, bool>? _keepsEarlierBehaviour;

    internal ConfigKey(
        string path,
        ValueKind kind,
        string doc,
        Func<ExperimentConfig, object>? get,
        Func<ExperimentConfig, object, ExperimentConfig> set,
        bool required = false,
        Func<ExperimentConfig, bool>? keepsEarlierBehaviour = null)
    {
        Path = path;
        Kind = kind;
        Doc = doc;
        _get = get;
        _set = set;
        Required = required;
        _keepsEarlierBehaviour = keepsEarlierBehaviour;
    }

    /// <summary>Full dotted path, e.g. `model.heads`.</summary>
    public string Path { get; }

    /// <summary>The last segment, as written in the YAML mapping.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The path of the mapping that holds it ("" for top-level keys).</summary>
    public string Parent => Path.Contains('.', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('.')] : "";

    public ValueKind Kind { get; }

    public string Doc { get; }

    /// <summary>Whether a config file must give it.</summary>
    public bool Required { get; }

    /// <summary>
    /// A shorthand that sets other keys (`data.digits.min` sets `data.digits.a.min` and
    /// `data.digits.b.min`); it is applied before them and never written back.
    /// </summary>
    public bool IsShorthand => _get is null;

    /// <summary>Whether it changes results; `runtime.*` does not (docs/architecture.md).</summary>
    public bool IsScience => !Path.StartsWith("runtime.", StringComparison.Ordinal);

    /// <summary>The default as canonical YAML, or "—" for shorthands.</summary>
    public string DefaultText => _get is null ? "—" : Kind.Format(_get(ExperimentConfig.Default));

    /// <summary>
    /// Whether <paramref name="config"/> runs as configs did before this key existed, so the science
    /// hash leaves the key out: its default, unless the key was added with a new default that changes
    /// results, and then its own rule (`model.looped.state_init`: `embedding`, or any value when the
    /// model is not looped).
    /// </summary>
    public bool KeepsEarlierBehaviour(ExperimentConfig config) =>
        _keepsEarlierBehaviour?.Invoke(config) ?? ValueText(config) == DefaultText;

    /// <summary>The value in <paramref name="config"/> as canonical YAML.</summary>
    public string ValueText(ExperimentConfig config)
    {
        if (_get is null)
        {
            throw new InvalidOperationException($"'{Path}' is a shorthand and has no value of its own");
        }
        return Kind.Format(_get(config));
    }

    internal ExperimentConfig SetValue(ExperimentConfig config, object value) => _set(config, value);
}
