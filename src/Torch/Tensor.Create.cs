using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Creation: filled tensors, ranges and random tensors.
public sealed partial class Tensor
{
    public static unsafe Tensor Zeros(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_zeros(dims, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
        }
    }

    public static Tensor Zeros(params long[] shape) => Zeros(shape.AsSpan());
}
