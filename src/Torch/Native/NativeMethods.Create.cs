using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/create.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_zeros(long* dims, long ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
}
