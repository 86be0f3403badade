using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/functional.cpp. Optional tensors are passed as IntPtr.Zero.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_embedding(TensorHandle weight, TensorHandle ids, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_linear(TensorHandle x, TensorHandle weight, IntPtr bias, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_layer_norm(TensorHandle x, long* normalizedShape, long ndim, IntPtr weight, IntPtr bias, double eps, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_rms_norm(TensorHandle x, IntPtr weight, double eps, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_dropout(TensorHandle x, double p, int training, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_cross_entropy(TensorHandle logits, TensorHandle targets, IntPtr weight, int reduction, long ignoreIndex, double labelSmoothing, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_mse_loss(TensorHandle input, TensorHandle target, int reduction, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_l1_loss(TensorHandle input, TensorHandle target, int reduction, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_scaled_dot_product_attention(TensorHandle q, TensorHandle k, TensorHandle v, IntPtr mask, double dropoutP, int causal, double scale, int forceComposed, out IntPtr result);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_sdpa_is_fused(out int fused);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial int al_attention_weights(TensorHandle q, TensorHandle k, IntPtr mask, int causal, double scale, out IntPtr result);
}
