namespace ArithLab.Training.Loop;

/// <summary>How a call to Trainer.Run ended.</summary>
public enum TrainingStatus
{
    /// <summary>All train.steps done; the final checkpoint is written.</summary>
    Completed,

    /// <summary>Stopped on request (Ctrl-C) after a step, with a checkpoint of that step.</summary>
    Interrupted,

    /// <summary>The loss or the gradients became NaN or Inf; no checkpoint of that state was written.</summary>
    Diverged,
}
