using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>How one attempt at a sweep run ended: done, interrupted (with a checkpoint to resume) or failed (with why).</summary>
internal sealed record SweepTaskOutcome(SweepRunStatus Status, string? Failure = null)
{
    /// <summary>The exit code `sweep run --run` reports: 0 done, 130 interrupted (as `train`), 1 failed.</summary>
    public int ExitCode => Status switch
    {
        SweepRunStatus.Done => 0,
        SweepRunStatus.Interrupted => 130,
        _ => 1,
    };
}
