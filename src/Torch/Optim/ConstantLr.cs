namespace ArithLab.Torch.Optim;

/// <summary>
/// The same learning rate at every step, after an optional linear warm-up over the first
/// <see cref="WarmupSteps"/> steps (step s &lt; W gets Rate·(s+1)/W).
/// </summary>
public sealed record ConstantLr : ILrSchedule
{
    public ConstantLr(double learningRate, long warmupSteps = 0)
    {
        LrGuard.NonNegative(learningRate, nameof(learningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        Rate = learningRate;
        WarmupSteps = warmupSteps;
    }

    public double Rate { get; }

    public long WarmupSteps { get; }

    public double LearningRate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return step < WarmupSteps ? LrGuard.Warmup(step, Rate, WarmupSteps) : Rate;
    }
}
