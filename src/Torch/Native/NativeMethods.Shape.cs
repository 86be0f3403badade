using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/shape.cpp. Tensor lists go in as arrays of raw handles;
// multi-result functions write up to `capacity` new handles and always report the count.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_view(TensorHandle t, long* dims, long ndim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_reshape(TensorHandle t, long* dims, long ndim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_permute(TensorHandle t, long* dims, long ndim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_transpose(TensorHandle t, long dim0, long dim1, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_t(TensorHandle t, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_contiguous(TensorHandle t, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_squeeze(TensorHandle t, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_squeeze_dim(TensorHandle t, long dim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_unsqueeze(TensorHandle t, long dim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_expand(TensorHandle t, long* dims, long ndim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_expand_as(TensorHandle t, TensorHandle other, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_flatten(TensorHandle t, long startDim, long endDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_cat(IntPtr* tensors, long count, long dim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_stack(IntPtr* tensors, long count, long dim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_split(TensorHandle t, long splitSize, long dim, IntPtr* results, long capacity, out long count);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_split_with_sizes(TensorHandle t, long* sizes, long nsizes, long dim, IntPtr* results, long capacity, out long count);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_chunk(TensorHandle t, long chunks, long dim, IntPtr* results, long capacity, out long count);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_narrow(TensorHandle t, long dim, long start, long length, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_repeat(TensorHandle t, long* repeats, long nrepeats, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_flip(TensorHandle t, long* dims, long ndims, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tril(TensorHandle t, long diagonal, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_triu(TensorHandle t, long diagonal, out IntPtr result);
}
