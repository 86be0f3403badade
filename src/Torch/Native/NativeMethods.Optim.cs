using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

// Flat imports of native/src/optim.cpp. Arrays of handles are raw pointers: callers keep
// the tensors alive across the call.
internal static partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_adamw_step(IntPtr* parameters, IntPtr* expAvgs, IntPtr* expAvgSqs, IntPtr* steps, long count,
        double lr, double beta1, double beta2, double eps, double weightDecay);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_sgd_step(IntPtr* parameters, IntPtr* momentumBuffers, long count,
        double lr, double momentum, double dampening, double weightDecay, int nesterov);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static unsafe partial int al_clip_grad_norm(IntPtr* parameters, long count, double maxNorm, out double totalNorm);
}
