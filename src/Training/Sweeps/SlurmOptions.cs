namespace ArithLab.Training.Sweeps;

/// <summary>
/// The `slurm:` section of a sweep file (each also a flag of `arithlab sweep run --slurm`): what the
/// job array asks the scheduler for. Null leaves the cluster's default.
/// </summary>
public sealed record SlurmOptions
{
    /// <summary>`--partition`.</summary>
    public string? Partition { get; init; }

    /// <summary>`--time`, the limit of one array task, e.g. "02:00:00".</summary>
    public string? Time { get; init; }

    /// <summary>`--gres` per task, e.g. "gpu:1".</summary>
    public string? Gres { get; init; }

    /// <summary>`--cpus-per-task`; each run trains with this many threads.</summary>
    public int? CpusPerTask { get; init; }

    /// <summary>The `%N` of `--array=...%N`: at most this many tasks at once.</summary>
    public int? MaxParallel { get; init; }

    /// <summary>Whether a task stopped by SIGTERM (pre-emption) puts itself back in the queue to resume.</summary>
    public bool Requeue { get; init; } = true;

    /// <summary>Further `#SBATCH` lines, written as given ("--account=lab").</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];
}
