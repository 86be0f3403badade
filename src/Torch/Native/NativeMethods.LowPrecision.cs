using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>A number format as the shim takes it (native/src/lowp_grid.h's AlFormat).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct AlFormat(int ExponentBits, int MantissaBits, int Kind, int Overflow);

// Flat imports of native/src/lowp_*.cpp. Nullable out-handles are pointers (null = not wanted).
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_lowp_quantize(TensorHandle x, AlFormat format, int rounding, ulong seed, float scale,
        out IntPtr values, IntPtr* codes, float* amax);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_quantize_into(TensorHandle x, AlFormat format, int rounding, ulong seed, float scale, TensorHandle output);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_decode(TensorHandle codes, AlFormat format, out IntPtr values);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_amax(TensorHandle x, out float amax);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_has_float8(out int available);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_float8_round_trip(TensorHandle x, int variant, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_lowp_mx_quantize(TensorHandle x, AlFormat element, long block, long dim, int rounding, ulong seed,
        out IntPtr values, out IntPtr scales, IntPtr* codes);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_mx_quantize_into(TensorHandle x, AlFormat element, long block, long dim, int rounding, ulong seed, TensorHandle output);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_lowp_nvfp4_quantize(TensorHandle x, long block, long dim, int rounding, ulong seed,
        out IntPtr values, out IntPtr blockScales, out float tensorScale, IntPtr* codes);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_lmul_matmul(TensorHandle a, TensorHandle b, int mantissaBits, out IntPtr result);
}

/// <summary>One quantizer as native/src/lowp_autograd.cpp's AlQuantSpec takes it (see <see cref="LowPrecision.QuantSpec"/>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct AlQuantSpec(
    int Kind, AlFormat Format, int Rounding, int Block, int Dim, int Scaling, float Scale, int Margin, int PowerOfTwo, ulong Seed);

// Autograd functions over the quantizers (native/src/lowp_autograd.cpp).
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_lowp_fake_quantize(TensorHandle x, AlQuantSpec* forward, AlQuantSpec* backward,
        IntPtr forwardAmax, IntPtr backwardAmax, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lowp_lmul_matmul_grad(TensorHandle a, TensorHandle b, int mantissaBits, out IntPtr result);
}
