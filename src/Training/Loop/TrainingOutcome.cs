using ArithLab.Training.Checkpoints;

namespace ArithLab.Training.Loop;

/// <summary>What a call to Trainer.Run did: how it ended, the steps completed, the last checkpoint and the last held-out score.</summary>
public sealed record TrainingOutcome(TrainingStatus Status, long Step, CheckpointInfo? LastCheckpoint, double? HeldOutExactMatch, string Message)
{
    /// <summary>The process exit code for it: 0 completed, 130 interrupted (as a shell reports SIGINT), 3 diverged.</summary>
    public int ExitCode => Status switch
    {
        TrainingStatus.Completed => 0,
        TrainingStatus.Interrupted => 130,
        _ => 3,
    };
}
