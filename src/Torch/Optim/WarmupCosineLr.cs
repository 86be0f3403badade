namespace ArithLab.Torch.Optim;

/// <summary>
/// Linear warm-up to <see cref="MaxLr"/> over the first <see cref="WarmupSteps"/> steps
/// (step s &lt; W gets MaxLr·(s+1)/W), then a half cosine from MaxLr at step W down to
/// <see cref="MinLr"/> at step <see cref="TotalSteps"/>, and MinLr after it
/// (Loshchilov &amp; Hutter 2017, SGDR, without restarts).
/// </summary>
public sealed record WarmupCosineLr : ILrSchedule
{
    public WarmupCosineLr(double maxLr, double minLr, long warmupSteps, long totalSteps)
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
        var progress = (double)(step - WarmupSteps) / (TotalSteps - WarmupSteps);
        return MinLr + 0.5 * (1 + Math.Cos(Math.PI * progress)) * (MaxLr - MinLr);
    }
}
