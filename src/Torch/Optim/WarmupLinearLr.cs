namespace ArithLab.Torch.Optim;

/// <summary>
/// Linear warm-up to <see cref="WarmupDecayLr.MaxLr"/> over the first
/// <see cref="WarmupDecayLr.WarmupSteps"/> steps, then a straight line from MaxLr at step W down
/// to <see cref="WarmupDecayLr.MinLr"/> at step <see cref="WarmupDecayLr.TotalSteps"/>, and MinLr
/// after it.
/// </summary>
public sealed record WarmupLinearLr : WarmupDecayLr
{
    public WarmupLinearLr(double maxLr, double minLr, long warmupSteps, long totalSteps)
        : base(maxLr, minLr, warmupSteps, totalSteps)
    {
    }

    protected override double Decay(double progress) => MaxLr + progress * (MinLr - MaxLr);
}
