namespace ArithLab.Torch.Optim;

/// <summary>The same learning rate at every step.</summary>
public sealed record ConstantLr : ILrSchedule
{
    public ConstantLr(double learningRate)
    {
        LrGuard.NonNegative(learningRate, nameof(learningRate));
        Rate = learningRate;
    }

    public double Rate { get; }

    public double LearningRate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return Rate;
    }
}
