using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/random.cpp. A generator argument of IntPtr.Zero means
// libtorch's default generator.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_generator_new(int deviceType, int deviceIndex, long seed, out IntPtr generator);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial void al_generator_free(IntPtr generator);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_generator_manual_seed(GeneratorHandle generator, long seed);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_generator_initial_seed(GeneratorHandle generator, out long seed);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_generator_device(GeneratorHandle generator, out int type, out int index);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_randn(long* dims, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_rand(long* dims, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_randint(long low, long high, long* dims, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
}
