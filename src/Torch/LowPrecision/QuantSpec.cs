using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// One quantizer of a training recipe, as <see cref="FakeQuantize"/> applies it: nothing, an element
/// format under a per-tensor scale (given, or "current" from the tensor's own amax), OCP MX blocks
/// or NVFP4 blocks along <see cref="Dim"/>, the reduction dimension of the matmul the tensor enters.
/// <code>
/// var e4m3 = QuantSpec.Current(NumberFormat.E4M3.With(Overflow.Saturate));   // Transformer Engine's current scaling
/// var mx = QuantSpec.Blocks(MxFormat.Mxfp4, dim: -1);
/// </code>
/// </summary>
public sealed record QuantSpec
{
    private QuantSpec(QuantSpecKind kind, NumberFormat? format)
    {
        Kind = kind;
        Format = format;
    }

    /// <summary>No quantization: the identity.</summary>
    public static QuantSpec None { get; } = new(QuantSpecKind.None, null);

    public QuantSpecKind Kind { get; }

    /// <summary>The element format (per-tensor and MX), null otherwise.</summary>
    public NumberFormat? Format { get; }

    public Rounding Rounding { get; init; } = Rounding.NearestEven;

    /// <summary>Stochastic rounding's seed.</summary>
    public long Seed { get; init; }

    /// <summary>Elements per block (MX, NVFP4).</summary>
    public int BlockSize { get; init; }

    /// <summary>The blocked dimension (MX, NVFP4).</summary>
    public int Dim { get; init; } = -1;

    /// <summary>Per-tensor: whether the scale comes from this tensor's amax (current scaling) rather than <see cref="Scale"/>.</summary>
    public bool CurrentScaling { get; init; }

    /// <summary>Per-tensor scale when not <see cref="CurrentScaling"/> (delayed scaling's scale; 1 = unscaled).</summary>
    public float Scale { get; init; } = 1f;

    /// <summary>Current scaling: the scale is (max / amax) / 2^margin.</summary>
    public int Margin { get; init; }

    /// <summary>Current scaling: the scale rounded down to a power of two.</summary>
    public bool PowerOfTwo { get; init; }

    /// <summary>Per-tensor, under <paramref name="scale"/> (1: the format's own range).</summary>
    public static QuantSpec Scaled(NumberFormat format, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!(scale > 0) || !float.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be a positive finite number");
        }
        return new QuantSpec(QuantSpecKind.Tensor, format) { Scale = scale };
    }

    /// <summary>Per-tensor under current scaling (<see cref="TensorScaling"/>): amax maps to (max / 2^margin).</summary>
    public static QuantSpec Current(NumberFormat format, int margin = 0, bool powerOfTwo = false)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        return new QuantSpec(QuantSpecKind.Tensor, format) { CurrentScaling = true, Margin = margin, PowerOfTwo = powerOfTwo };
    }

    /// <summary>OCP MX blocks along <paramref name="dim"/>.</summary>
    public static QuantSpec Blocks(MxFormat format, int dim)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new QuantSpec(QuantSpecKind.Mx, format.Element) { BlockSize = format.BlockSize, Dim = dim };
    }

    /// <summary>NVFP4 blocks of 16 along <paramref name="dim"/>.</summary>
    public static QuantSpec Nvfp4(int dim) => new(QuantSpecKind.Nvfp4, Nvfp4Quantizer.Element) { BlockSize = Nvfp4Quantizer.BlockSize, Dim = dim };

    internal AlQuantSpec Native => new(
        (int)Kind, Format?.Native ?? default, (int)Rounding, BlockSize, Dim, CurrentScaling ? 1 : 0, Scale, Margin, PowerOfTwo ? 1 : 0, (ulong)Seed);
}
