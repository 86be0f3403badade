using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/activation.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tanh(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sigmoid(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_relu(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_silu(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_gelu(TensorHandle a, int approximate, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_softmax(TensorHandle a, long dim, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_log_softmax(TensorHandle a, long dim, int dtype, out IntPtr result);
}
