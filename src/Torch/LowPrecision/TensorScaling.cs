namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// Per-tensor "current" scaling for FP8 (Transformer Engine's Float8CurrentScaling): the scale
/// maps this tensor's amax to the format's max, so the whole range of the format is used.
/// <code>
/// using var q = TensorScaling.Quantize(x, NumberFormat.E4M3, out var scale);
/// </code>
/// </summary>
public static class TensorScaling
{
    /// <summary>
    /// (max / amax) / 2^margin in float32, rounded down to a power of two when
    /// <paramref name="powerOfTwo"/> (exact scaling, amax still within max); 1 when amax is 0,
    /// Inf or NaN, which leave nothing to scale by (Transformer Engine keeps the old scale there).
    /// </summary>
    public static float ScaleFor(float amax, NumberFormat format, int margin = 0, bool powerOfTwo = false)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        if (!(amax > 0) || !float.IsFinite(amax))
        {
            return 1f;
        }
        var scale = (float)format.MaxFinite / amax * MathF.ScaleB(1f, -margin);
        if (!float.IsFinite(scale))
        {
            scale = float.MaxValue;
        }
        return powerOfTwo ? MathF.ScaleB(1f, MathF.ILogB(scale)) : scale;
    }

    /// <summary>x quantized under the scale of its own amax (two native passes: amax, then quantize).</summary>
    public static Tensor Quantize(Tensor x, NumberFormat format, out float scale, int margin = 0, bool powerOfTwo = false,
        Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        scale = ScaleFor(Quantizer.Amax(x), format, margin, powerOfTwo);
        return Quantizer.QuantizeScaled(x, format, scale, rounding, seed);
    }
}
