namespace ArithLab.Training.Sweeps;

/// <summary>Where one run of a sweep stands, read from its folder and the sweep's state files.</summary>
public enum SweepRunStatus
{
    /// <summary>Not started: no checkpoint yet.</summary>
    Pending,

    /// <summary>A worker or an array task has it now.</summary>
    Running,

    /// <summary>Stopped with a checkpoint before its last step (or before its eval); the next `sweep run` resumes it.</summary>
    Interrupted,

    /// <summary>Its last attempt failed; the next `sweep run` tries again.</summary>
    Failed,

    /// <summary>Trained to train.steps and evaluated.</summary>
    Done,
}
