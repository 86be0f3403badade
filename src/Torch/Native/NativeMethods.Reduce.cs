using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/reduce.cpp.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sum(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_sum_dims(TensorHandle a, long* dims, long ndim, int keepDim, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_mean_dims(TensorHandle a, long* dims, long ndim, int keepDim, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_var(TensorHandle a, long* dims, long ndim, long correction, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_std(TensorHandle a, long* dims, long ndim, long correction, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_prod(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_prod_dim(TensorHandle a, long dim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_cumsum(TensorHandle a, long dim, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_norm(TensorHandle a, double p, long* dims, long ndim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_max(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_min(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_max_dim(TensorHandle a, long dim, int keepDim, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_min_dim(TensorHandle a, long dim, int keepDim, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_argmax(TensorHandle a, long dim, int hasDim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_argmin(TensorHandle a, long dim, int hasDim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_amax(TensorHandle a, long* dims, long ndim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_amin(TensorHandle a, long* dims, long ndim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_topk(TensorHandle a, long k, long dim, int largest, int sorted, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_all(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_all_dim(TensorHandle a, long dim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_any(TensorHandle a, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_any_dim(TensorHandle a, long dim, int keepDim, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_logsumexp(TensorHandle a, long* dims, long ndim, int keepDim, out IntPtr result);
}
