using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/memory.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_retain_freed_host_memory(long mmapThreshold);
}
