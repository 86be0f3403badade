namespace ArithLab.Torch.Optim;

/// <summary>
/// A learning-rate schedule: a pure function of the 0-based optimizer step, so that a
/// resumed run recomputes the same rate from its step count (no hidden state to save).
/// </summary>
public interface ILrSchedule
{
    /// <summary>The learning rate to use for step <paramref name="step"/> (0 = the first update).</summary>
    double LearningRate(long step);
}
