using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/math.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add_alpha(TensorHandle a, TensorHandle b, AlScalar alpha, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sub(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mul(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_remainder(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_pow(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_maximum(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_minimum(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sub_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_rsub_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mul_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_rdiv_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_remainder_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_pow_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_rpow_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_clamp(TensorHandle a, AlScalar* min, AlScalar* max, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_neg(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_abs(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sign(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sqrt(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_rsqrt(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_exp(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_log(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sin(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_cos(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_reciprocal(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_floor(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ceil(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_round(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_trunc(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_matmul(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bmm(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add_(TensorHandle a, TensorHandle b, AlScalar alpha);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add_scalar_(TensorHandle a, AlScalar b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mul_(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mul_scalar_(TensorHandle a, AlScalar b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div_(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div_scalar_(TensorHandle a, AlScalar b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_addcmul_(TensorHandle a, TensorHandle t1, TensorHandle t2, AlScalar value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_addcdiv_(TensorHandle a, TensorHandle t1, TensorHandle t2, AlScalar value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lerp_(TensorHandle a, TensorHandle end, AlScalar weight);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_zero_(TensorHandle a);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_fill_(TensorHandle a, AlScalar value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sqrt_(TensorHandle a);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_clamp_(TensorHandle a, AlScalar* min, AlScalar* max);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div_mode(TensorHandle a, TensorHandle b, int mode, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_div_scalar_mode(TensorHandle a, AlScalar b, int mode, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_log2(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_log1p(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_expm1(TensorHandle a, out IntPtr result);
}
