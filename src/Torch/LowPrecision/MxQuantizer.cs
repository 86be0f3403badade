using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// Quantize-dequantize in OCP MX block formats (native/src/lowp_mx.cpp). Blocks run along
/// <c>dim</c>, the reduction dimension of the matmul the tensor enters (the last one of a
/// linear layer's input and weight); a last block shorter than the block size has its own scale.
/// <code>
/// using var w4 = MxQuantizer.Quantize(weight, MxFormat.Mxfp4);           // blocks of 32 along dim -1
/// using var q = MxQuantizer.Encode(x, MxFormat.Mxfp8E4M3, dim: 0);       // with E8M0 scales and codes
/// MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, buffer);                   // into a reused buffer
/// </code>
/// </summary>
public static class MxQuantizer
{
    /// <summary>x quantized in blocks along <paramref name="dim"/>, in float32.</summary>
    public static unsafe Tensor Quantize(Tensor x, MxFormat format, int dim = -1, Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        Check(x, format);
        Status.Check(NativeMethods.al_lowp_mx_quantize(x.Handle, format.Element.Native, format.BlockSize, dim, (int)rounding, (ulong)seed,
            out var values, out var scales, null));
        new Tensor(scales).Dispose();
        return new Tensor(values);
    }

    /// <summary>
    /// <see cref="Quantize"/> written into <paramref name="output"/>, a contiguous float32 tensor of x's
    /// shape that the caller keeps (x itself quantizes in place); no scales are kept.
    /// </summary>
    public static void QuantizeInto(Tensor x, MxFormat format, Tensor output, int dim = -1, Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        Check(x, format);
        ArgumentNullException.ThrowIfNull(output);
        Status.Check(NativeMethods.al_lowp_mx_quantize_into(x.Handle, format.Element.Native, format.BlockSize, dim, (int)rounding, (ulong)seed, output.Handle));
    }

    /// <summary>The values with each element's code and each block's E8M0 scale code (<see cref="Quantized.Scales"/>).</summary>
    public static unsafe Quantized Encode(Tensor x, MxFormat format, int dim = -1, Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        Check(x, format);
        IntPtr codes;
        Status.Check(NativeMethods.al_lowp_mx_quantize(x.Handle, format.Element.Native, format.BlockSize, dim, (int)rounding, (ulong)seed,
            out var values, out var scales, &codes));
        return new Quantized(new Tensor(values), new Tensor(codes), new Tensor(scales));
    }

    private static void Check(Tensor x, MxFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(format.BlockSize, 1);
        if (format.Element.Overflow != Overflow.Saturate)
        {
            throw new ArgumentException($"MX elements saturate on overflow; {format.Element.Name} is set to {format.Element.Overflow}");
        }
    }
}
