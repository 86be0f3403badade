using System.Security.Cryptography;
using System.Text;

namespace ArithLab.Training.Config;

/// <summary>
/// A stable fingerprint of the science sections (task, data, model, train, precision, eval):
/// equal for configs that must give the same results, different when any result-changing value
/// differs. It names runs and refuses to resume a checkpoint under a changed config. The name,
/// description and seed are left out so the seeds of one sweep share a hash; `runtime` is left out
/// because it never changes results; keys at their default are left out so that a key added later
/// (with a default that keeps the old behaviour) does not rename every run.
/// </summary>
public static class ConfigHash
{
    /// <summary>SHA-256 of the canonical science YAML (<see cref="ConfigWriter.WriteScience"/>), lowercase hex (64 characters).</summary>
    public static string Of(ExperimentConfig config)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(ConfigWriter.WriteScience(config)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first 12 hex digits, for run directory names.</summary>
    public static string Short(ExperimentConfig config) => Of(config)[..12];
}
