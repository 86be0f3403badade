using ArithLab.Training.Config;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// One run of a sweep: its place in the plan (the Slurm array index), the experiment it trains,
/// the values of the varied keys, and the `--set` overrides that turn the base experiment into it.
/// </summary>
public sealed record SweepRun
{
    /// <summary>0-based position in the plan; the array task id under Slurm.</summary>
    public required int Index { get; init; }

    public required ExperimentConfig Config { get; init; }

    /// <summary>The run folder's name, {name}-{science hash}-s{seed}.</summary>
    public required string Name { get; init; }

    /// <summary>The run folder.</summary>
    public required string Path { get; init; }

    /// <summary>The varied keys and their values as written in the sweep file, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }

    /// <summary>A short name of the run's settings, shared by its seeds (the figures' legend).</summary>
    public required string Label { get; init; }

    /// <summary>Every key whose value differs from the base experiment's, as canonical `key=value` for `train --set`.</summary>
    public required IReadOnlyList<string> Overrides { get; init; }

    /// <summary>The science hash without the seed: equal for the seeds of one setting.</summary>
    public string ConfigId => ConfigHash.Short(Config);

    public int Seed => Config.Seed;
}
