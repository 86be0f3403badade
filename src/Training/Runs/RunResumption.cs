using System.Globalization;
using ArithLab.Training.Config;

namespace ArithLab.Training.Runs;

/// <summary>
/// The resume policy: which run directory a resume continues, and under which config. The science
/// (and the seed) is the run's own and may not change; runtime keys (device, logging, checkpoint
/// cadence) may. A resume that would change results is refused, key by key.
/// </summary>
public static class RunResumption
{
    /// <summary>
    /// The run of this config: its own folder, or else the one run of the same name and seed under
    /// runtime.run_dir (its science differs, which <see cref="Config"/> then reports key by key).
    /// </summary>
    public static string FindRun(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = RunDirectory.DefaultPath(config);
        if (Directory.Exists(path) || !Directory.Exists(config.Runtime.RunDir))
        {
            return path;
        }
        var seed = config.Seed.ToString(CultureInfo.InvariantCulture);
        var siblings = Directory.GetDirectories(config.Runtime.RunDir, $"{config.Name}-*-s{seed}");
        return siblings.Length == 1 ? siblings[0] : path;
    }

    /// <summary>
    /// The config a resumed run trains under: the run's saved config with the runtime section of
    /// <paramref name="given"/> (an experiment YAML named with the run), or with the
    /// <paramref name="overrides"/> applied when no YAML is given. Throws <see cref="ResumeRefusedException"/>
    /// listing the science keys that differ.
    /// </summary>
    public static ExperimentConfig Config(RunDirectory run, ExperimentConfig? given, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(overrides);
        var saved = run.LoadConfig();
        if (given is not null)
        {
            var differences = ConfigDifference.Science(saved, given);
            if (differences.Count > 0)
            {
                throw new ResumeRefusedException(
                    $"refusing to resume {run.Path}: the experiment differs from the run's in keys that change results:"
                    + string.Concat(differences.Select(d => "\n  " + d)));
            }
            // Plumbing may change between a run and its resumption (device, logging, checkpoints).
            return saved with { Runtime = given.Runtime };
        }
        var config = ConfigLoader.Apply(saved, overrides);
        var changed = ConfigDifference.Science(saved, config);
        if (changed.Count > 0)
        {
            throw new ResumeRefusedException($"refusing to resume {run.Path}: --set changes keys that change results: {string.Join("; ", changed)}");
        }
        return config;
    }
}
