using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>Owns one native at::Generator handle; releasing it frees the handle.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal GeneratorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.al_generator_free(handle);
        return true;
    }
}
