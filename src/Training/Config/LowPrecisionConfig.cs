using ArithLab.Torch.LowPrecision;

namespace ArithLab.Training.Config;

/// <summary>
/// The keys of a low-precision recipe beside `precision.format` (docs/precision.md): per-role
/// formats, rounding, per-tensor scaling and L-Mul. Every default keeps the recipe's own choice,
/// and under `precision.format: none` nothing here applies.
/// </summary>
public sealed record LowPrecisionConfig
{
    /// <summary>Linear layers' weights as they enter the matmul.</summary>
    public RoleFormat Weights { get; init; } = RoleFormat.Auto;

    /// <summary>Linear layers' inputs.</summary>
    public RoleFormat Activations { get; init; } = RoleFormat.Auto;

    /// <summary>The gradients with respect to linear layers' outputs, entering the backward matmuls.</summary>
    public RoleFormat Gradients { get; init; } = RoleFormat.Auto;

    /// <summary>Attention's QKᵀ and attention·V: their operands' format, or L-Mul products.</summary>
    public RoleFormat Attention { get; init; } = RoleFormat.Auto;

    /// <summary>The optimizer's moments, rounded after each step.</summary>
    public RoleFormat OptimizerState { get; init; } = RoleFormat.Auto;

    /// <summary>Rounding of every role but the gradients.</summary>
    public Rounding Rounding { get; init; } = Rounding.NearestEven;

    /// <summary>Rounding of the gradients; auto = stochastic under fp4 recipes, else <see cref="Rounding"/>.</summary>
    public GradientRounding GradientRounding { get; init; } = GradientRounding.Auto;

    /// <summary>Per-tensor scaling of element formats; auto = the recipe's (current, or delayed under fp8-delayed).</summary>
    public ScalingChoice Scaling { get; init; } = ScalingChoice.Auto;

    /// <summary>Delayed scaling: steps of amax history (Transformer Engine's amax_history_len).</summary>
    public int AmaxHistory { get; init; } = 1024;

    /// <summary>Per-tensor scaling: the scale is (max / amax) / 2^margin.</summary>
    public int Margin { get; init; }

    /// <summary>Per-tensor scaling: round each scale down to a power of two.</summary>
    public bool PowerOfTwoScale { get; init; }

    /// <summary>L-Mul's operand mantissa bits m (3 stands in for E5M2, 4 for E4M3 in Luo &amp; Sun 2024).</summary>
    public int LMulBits { get; init; } = 3;

    /// <summary>Which matmuls the lmul recipe replaces.</summary>
    public LMulScope LMulMatMuls { get; init; } = LMulScope.Attention;
}
