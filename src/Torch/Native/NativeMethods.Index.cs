using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/index.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_select(TensorHandle t, long dim, long index, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_slice(TensorHandle t, long dim, int hasStart, long start, int hasEnd, long end, long step, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_index(TensorHandle t, AlIndex* indices, long count, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_index_put_(TensorHandle t, AlIndex* indices, long count, TensorHandle value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_index_put_scalar_(TensorHandle t, AlIndex* indices, long count, AlScalar value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_index_select(TensorHandle t, long dim, TensorHandle index, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_gather(TensorHandle t, long dim, TensorHandle index, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_scatter_add(TensorHandle t, long dim, TensorHandle index, TensorHandle source, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_masked_fill(TensorHandle t, TensorHandle mask, AlScalar value, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_masked_fill_tensor(TensorHandle t, TensorHandle mask, TensorHandle value, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_where(TensorHandle condition, TensorHandle a, TensorHandle b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_where_scalar_other(TensorHandle condition, TensorHandle a, AlScalar b, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_where_scalar_self(TensorHandle condition, AlScalar a, TensorHandle b, out IntPtr result);
}
