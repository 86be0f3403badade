using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/bitwise.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_and(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_and_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_or(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_or_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_xor(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_xor_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_left_shift(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_left_shift_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_right_shift(TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_right_shift_scalar(TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_bitwise_not(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_view_dtype(TensorHandle a, int dtype, out IntPtr result);
}
