using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>Turns a native status into a <see cref="TorchException"/> with libtorch's message.</summary>
internal static class Status
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int status)
    {
        if (status != 0)
        {
            Throw();
        }
    }

    /// <summary>Checks the status and wraps the new handle the call returned as a tensor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tensor Wrap(int status, IntPtr result)
    {
        if (status != 0)
        {
            Throw();
        }
        return new Tensor(result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw() =>
        throw new TorchException(Marshal.PtrToStringUTF8(NativeMethods.al_last_error()) ?? "unknown native error");
}
