namespace ArithLab.Training.Config;

/// <summary>
/// `model.looped.progressive_loss`: Bansal et al. 2022 / McLeish et al. 2024. Each step draws
/// n recurrences run without gradient and k run with it (n + k ≤ recurrences) and mixes the
/// loss as (1 − alpha)·L_full + alpha·L_progressive. alpha = 0 turns it off.
/// </summary>
public sealed record ProgressiveLossConfig
{
    public double Alpha { get; init; }
}
