using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/init.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_init_normal_(TensorHandle t, double mean, double std);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_init_uniform_(TensorHandle t, double low, double high);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_init_trunc_normal_(TensorHandle t, double mean, double std, double a, double b);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_init_fill_(TensorHandle t, double value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_init_zero_(TensorHandle t);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_set_data(TensorHandle t, TensorHandle data);
}
