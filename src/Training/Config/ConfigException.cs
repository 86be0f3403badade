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

    /// <summary>Problems the message lists before it only counts the rest.</summary>
    public const int MaxShown = 20;

    private static string Describe(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("a config exception needs at least one error", nameof(errors));
        }
        var head = errors.Count == 1 ? "1 problem in config" : $"{errors.Count} problems in config";
        // A screenful, then a count: a file of a million bad keys should not print a million lines.
        var shown = errors.Take(MaxShown).Select(e => "  " + e);
        var rest = errors.Count > MaxShown ? [$"  ... and {errors.Count - MaxShown} more"] : Array.Empty<string>();
        return head + ":" + Environment.NewLine + string.Join(Environment.NewLine, shown.Concat(rest));
    }
}
