using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/core.cpp. Every function returns a status checked by Check().
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial IntPtr al_last_error();

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial long al_live_tensors();

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial void al_tensor_free(IntPtr tensor);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_torch_version(out int major, out int minor, out int patch);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_cuda_device_count(out int count);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_set_num_threads(int threads);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_get_num_threads(out int threads);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_dim(TensorHandle t, out long dim);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_tensor_shape(TensorHandle t, long* sizes, long capacity);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_dtype(TensorHandle t, out int dtype);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_device(TensorHandle t, out int type, out int index);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_numel(TensorHandle t, out long numel);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_is_contiguous(TensorHandle t, out int result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_tensor_from_data(void* data, long bytes, long* dims, long ndim, int dtype, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_tensor_to_data(TensorHandle t, void* data, long bytes);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_item(TensorHandle t, out AlScalar value);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_alias(TensorHandle t, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_clone(TensorHandle t, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, int copy, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_tensor_copy_(TensorHandle destination, TensorHandle source);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_tensor_to_string(TensorHandle t, byte* buffer, long capacity, out long length);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_manual_seed(long seed);
}
