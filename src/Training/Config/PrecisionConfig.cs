namespace ArithLab.Training.Config;

/// <summary>`precision`: number formats of training. Part of the science: it changes results.</summary>
public sealed record PrecisionConfig
{
    public DType DType { get; init; } = DType.Float32;

    /// <summary>Whether matmuls run in <see cref="DType"/> while master weights stay float32.</summary>
    public bool Autocast { get; init; }

    public LossScale LossScale { get; init; } = LossScale.None;

    /// <summary>First dynamic loss scale; 2^16 as in PyTorch's GradScaler.</summary>
    public double InitScale { get; init; } = 65536;

    /// <summary>Clean steps before a dynamic loss scale doubles (PyTorch's default).</summary>
    public int GrowthInterval { get; init; } = 2000;

    /// <summary>An emulated low-precision training recipe (<see cref="LowPrecisionFormat"/>); none by default.</summary>
    public LowPrecisionFormat Format { get; init; } = LowPrecisionFormat.None;

    /// <summary>The recipe's per-role formats, rounding, scaling and L-Mul keys.</summary>
    public LowPrecisionConfig LowPrecision { get; init; } = new();
}
