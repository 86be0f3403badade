using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/compare.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_eq(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_eq_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ne(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ne_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lt(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_lt_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_le(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_le_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_gt(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_gt_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ge(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ge_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_isnan(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_isinf(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_isfinite(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, int equalNan, out int result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_equal(TensorHandle a, TensorHandle b, out int result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_logical_and(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_logical_or(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_logical_xor(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_logical_not(TensorHandle a, out IntPtr result);
}
