namespace ArithLab.Torch.Optim;

/// <summary>
/// Linear warm-up to <see cref="WarmupDecayLr.MaxLr"/> over the first
/// <see cref="WarmupDecayLr.WarmupSteps"/> steps, then a half cosine from MaxLr at step W down to
/// <see cref="WarmupDecayLr.MinLr"/> at step <see cref="WarmupDecayLr.TotalSteps"/>, and MinLr
/// after it (Loshchilov &amp; Hutter 2017, SGDR, without restarts).
/// </summary>
public sealed record WarmupCosineLr : WarmupDecayLr
{
    public WarmupCosineLr(double maxLr, double minLr, long warmupSteps, long totalSteps)
        : base(maxLr, minLr, warmupSteps, totalSteps)
    {
    }

    protected override double Decay(double progress) => MinLr + 0.5 * (1 + Math.Cos(Math.PI * progress)) * (MaxLr - MinLr);
}
