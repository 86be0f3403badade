using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>Owns one native at::Tensor handle; releasing it frees the handle.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.al_tensor_free(handle);
        return true;
    }
}
