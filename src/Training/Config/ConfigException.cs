namespace ArithLab.Training.Config;

/// <summary>
/// A config that cannot be used. Carries every problem found, not just the first, so one edit
/// fixes them all.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("a config exception needs at least one error", nameof(errors));
        }
        var head = errors.Count == 1 ? "1 problem in config" : $"{errors.Count} problems in config";
        return head + ":" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
