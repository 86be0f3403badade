using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// NVFP4 (NVIDIA 2025; Transformer Engine's NVFP4 recipe): E2M1 elements in blocks of 16 along
/// <c>dim</c>, each block with an E4M3 scale, under a float32 per-tensor scale. In float32
/// steps, as Transformer Engine computes them: S_enc = 448 · 6 / amax, b = E4M3((amax_block / 6) · S_enc),
/// value = E2M1(x · (S_enc / b)) · (b · S) with S = 1 / S_enc (native/src/lowp_nvfp4.cpp).
/// </summary>
public static class Nvfp4Quantizer
{
    /// <summary>Elements per block, as NVFP4 defines.</summary>
    public const int BlockSize = 16;

    /// <summary>The element format, E2M1.</summary>
    public static NumberFormat Element => NumberFormat.E2M1;

    /// <summary>The block-scale format, E4M3 (saturating).</summary>
    public static NumberFormat ScaleFormat { get; } = NumberFormat.E4M3.With(Overflow.Saturate);

    /// <summary>x quantized to NVFP4 along <paramref name="dim"/>, in float32.</summary>
    public static unsafe Tensor Quantize(Tensor x, int dim = -1, Rounding rounding = Rounding.NearestEven, long seed = 0, int blockSize = BlockSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        Status.Check(NativeMethods.al_lowp_nvfp4_quantize(x.Handle, blockSize, dim, (int)rounding, (ulong)seed,
            out var values, out var scales, out _, null));
        new Tensor(scales).Dispose();
        return new Tensor(values);
    }

    /// <summary>The values with element codes, E4M3 block-scale codes and the per-tensor scale.</summary>
    public static unsafe Quantized Encode(Tensor x, int dim = -1, Rounding rounding = Rounding.NearestEven, long seed = 0, int blockSize = BlockSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        IntPtr codes;
        Status.Check(NativeMethods.al_lowp_nvfp4_quantize(x.Handle, blockSize, dim, (int)rounding, (ulong)seed,
            out var values, out var scales, out var tensorScale, &codes));
        return new Quantized(new Tensor(values), new Tensor(codes), new Tensor(scales), tensorScale);
    }
}
