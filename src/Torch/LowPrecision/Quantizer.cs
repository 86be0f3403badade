using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// Element-wise quantize-dequantize onto a <see cref="NumberFormat"/>'s grid, as native kernels
/// over contiguous float32 (native/src/lowp_quantize.cpp). Every function returns new tensors
/// the caller owns; inputs must be float32 CPU tensors and are not changed.
/// <code>
/// using var q = Quantizer.Quantize(x, NumberFormat.E4M3);                   // round to nearest even
/// using var s = Quantizer.Quantize(x, NumberFormat.E2M1, Rounding.Stochastic, seed: step);
/// Quantizer.QuantizeInto(x, NumberFormat.E4M3, buffer);                      // into a reused buffer
/// </code>
/// </summary>
public static class Quantizer
{
    /// <summary>x rounded onto the format's grid, in float32.</summary>
    /// <param name="seed">Stochastic rounding's seed: the same seed gives the same result; vary it per call.</param>
    public static Tensor Quantize(Tensor x, NumberFormat format, Rounding rounding = Rounding.NearestEven, long seed = 0) =>
        QuantizeScaled(x, format, 1f, rounding, seed);

    /// <summary>
    /// Q(x · scale) · (1 / scale) in float32: x scaled into the format's range, rounded, and scaled
    /// back (Transformer Engine's per-tensor FP8 scaling; see <see cref="TensorScaling"/>).
    /// </summary>
    public static unsafe Tensor QuantizeScaled(Tensor x, NumberFormat format, float scale, Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        return Status.Wrap(NativeMethods.al_lowp_quantize(x.Handle, format.Native, (int)rounding, (ulong)seed, scale, out var r, null, null), r);
    }

    /// <summary>
    /// <see cref="QuantizeScaled"/> written into <paramref name="output"/>, a contiguous float32 tensor of
    /// x's shape that the caller keeps (x itself quantizes in place). Reusing one buffer saves a fresh
    /// result's allocation and page faults, which on large tensors cost more than the rounding
    /// (docs/performance.md).
    /// </summary>
    public static void QuantizeInto(Tensor x, NumberFormat format, Tensor output, Rounding rounding = Rounding.NearestEven, long seed = 0, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        Status.Check(NativeMethods.al_lowp_quantize_into(x.Handle, format.Native, (int)rounding, (ulong)seed, scale, output.Handle));
    }

    /// <summary><see cref="QuantizeScaled"/> that also reads max |x| in the same pass (delayed scaling records it).</summary>
    internal static unsafe Tensor QuantizeScaled(Tensor x, NumberFormat format, float scale, Rounding rounding, long seed, out float amax)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        float a;
        var status = NativeMethods.al_lowp_quantize(x.Handle, format.Native, (int)rounding, (ulong)seed, scale, out var r, null, &a);
        var result = Status.Wrap(status, r);
        amax = a;
        return result;
    }

    /// <summary>The quantized values with each element's code (scale as in <see cref="QuantizeScaled"/>).</summary>
    public static unsafe Quantized Encode(Tensor x, NumberFormat format, Rounding rounding = Rounding.NearestEven, long seed = 0, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        IntPtr codes;
        Status.Check(NativeMethods.al_lowp_quantize(x.Handle, format.Native, (int)rounding, (ulong)seed, scale, out var values, &codes, null));
        return new Quantized(new Tensor(values), new Tensor(codes));
    }

    /// <summary>The float32 values of int32 codes (every code of an 8-bit format: <c>Tensor.Arange(256)</c>).</summary>
    public static Tensor Decode(Tensor codes, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(format);
        return Status.Wrap(NativeMethods.al_lowp_decode(codes.Handle, format.Native, out var r), r);
    }

    /// <summary>max |x| over the non-NaN elements (0 for an empty tensor), a native reduction.</summary>
    public static float Amax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Status.Check(NativeMethods.al_lowp_amax(x.Handle, out var amax));
        return amax;
    }

    /// <summary>
    /// Whether this libtorch has float8 dtypes (PyTorch ≥ 2.1), for <see cref="Float8RoundTrip"/>.
    /// Debian's libtorch 1.13 has not.
    /// </summary>
    public static bool HasTorchFloat8
    {
        get
        {
            Status.Check(NativeMethods.al_lowp_has_float8(out var available));
            return available != 0;
        }
    }

    /// <summary>x cast to libtorch's own float8_e4m3fn (<paramref name="format"/> E4M3) or float8_e5m2 (E5M2) and back: an independent check of those grids.</summary>
    public static Tensor Float8RoundTrip(Tensor x, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        var variant = format.ExponentBits switch
        {
            4 when format.MantissaBits == 3 => 0,
            5 when format.MantissaBits == 2 => 1,
            _ => throw new ArgumentException($"libtorch has float8 dtypes for e4m3 and e5m2 only, not {format.Name}"),
        };
        return Status.Wrap(NativeMethods.al_lowp_float8_round_trip(x.Handle, variant, out var r), r);
    }
}
