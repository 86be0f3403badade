using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/create.cpp. A dtype of -1 lets libtorch infer it.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_zeros(long* dims, long ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_ones(long* dims, long ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_empty(long* dims, long ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_full(long* dims, long ndim, AlScalar value, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_arange(AlScalar start, AlScalar end, AlScalar step, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_linspace(AlScalar start, AlScalar end, long steps, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_eye(long n, long m, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_zeros_like(TensorHandle t, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_ones_like(TensorHandle t, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_full_like(TensorHandle t, AlScalar value, int dtype, out IntPtr result);
}
