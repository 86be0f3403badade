using ArithLab.Training.Config;

namespace ArithLab.Training.Runs;

/// <summary>What `arithlab train` was asked: a fresh run of an experiment, or a resume.</summary>
public sealed record TrainRequest
{
    /// <summary>The experiment YAML's config (overrides applied); null for a resume named by its run directory alone.</summary>
    public ExperimentConfig? Config { get; init; }

    /// <summary>Continue the latest checkpoint instead of starting.</summary>
    public bool Resume { get; init; }

    /// <summary>The run directory; null for {runtime.run_dir}/{name}-{hash}-s{seed} (for a resume, the run of the config's name and seed).</summary>
    public string? RunPath { get; init; }

    /// <summary>`--set key=value` overrides; on a resume without a YAML they apply to the run's saved config.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];
}
