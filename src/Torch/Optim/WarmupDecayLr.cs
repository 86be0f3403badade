namespace ArithLab.Torch.Optim;

/// <summary>
/// Linear warm-up to <see cref="MaxLr"/> over the first <see cref="WarmupSteps"/> steps
/// (step s &lt; W gets MaxLr·(s+1)/W), then a decay from MaxLr at step W down to
/// <see cref="MinLr"/> at step <see cref="TotalSteps"/>, and MinLr after it. A subclass gives
/// the decay's shape; everything else (checks, warm-up, the ends) is the same for every shape.
/// </summary>
public abstract record WarmupDecayLr : ILrSchedule
{
    protected WarmupDecayLr(double maxLr, double minLr, long warmupSteps, long totalSteps)
    {
        LrGuard.Schedule(maxLr, minLr, warmupSteps, totalSteps);
        MaxLr = maxLr;
        MinLr = minLr;
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
    }

    public double MaxLr { get; }

    public double MinLr { get; }

    public long WarmupSteps { get; }

    public long TotalSteps { get; }

    public double LearningRate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step < WarmupSteps)
        {
            return LrGuard.Warmup(step, MaxLr, WarmupSteps);
        }
        if (step >= TotalSteps)
        {
            return MinLr;
        }
        return Decay((double)(step - WarmupSteps) / (TotalSteps - WarmupSteps));
    }

    /// <summary>The rate at <paramref name="progress"/> ∈ [0, 1) of the way from step W to the last
    /// step: MaxLr at 0, approaching MinLr towards 1.</summary>
    protected abstract double Decay(double progress);
}
