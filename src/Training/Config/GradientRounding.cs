using ArithLab.Torch.LowPrecision;

namespace ArithLab.Training.Config;

/// <summary>`precision.gradient_rounding`: auto, or a rounding mode (<see cref="Mode"/>).</summary>
public sealed record GradientRounding(Rounding? Mode)
{
    public static GradientRounding Auto { get; } = new((Rounding?)null);
}
