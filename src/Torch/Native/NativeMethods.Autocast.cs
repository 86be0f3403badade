using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/autocast.cpp. Device types are DeviceType's values (0 CPU, 1 CUDA).
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_autocast_state(int deviceType, out int enabled, out int dtype);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_autocast_enter(int deviceType, int enabled, int dtype);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_autocast_exit(int deviceType, int previousEnabled, int previousDtype);
}
