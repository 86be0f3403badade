using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/math.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_add_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mul(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_matmul(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sum(TensorHandle a, out IntPtr result);
}
