using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Raw element bytes, for file formats (safetensors) that store tensors as byte buffers.
public sealed partial class Tensor
{
    /// <summary>The elements as bytes in row-major order and the host's (little-endian) byte
    /// order, copied from any device; bool is one byte per element (0 or 1).</summary>
    public unsafe byte[] ToBytes()
    {
        var length = NumEl * DType.ElementSize();
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException($"{this} holds {length} bytes, more than one managed array can");
        }
        var result = new byte[length];
        fixed (byte* p = result)
        {
            Status.Check(NativeMethods.al_tensor_to_data(Handle, p, length));
        }
        return result;
    }

    /// <summary>A new CPU tensor of <paramref name="shape"/> and <paramref name="dtype"/> whose
    /// elements are copied from <paramref name="bytes"/> (row-major, host byte order); the byte
    /// count must match exactly.</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, ReadOnlySpan<long> shape, ScalarType dtype)
    {
        fixed (byte* p = bytes)
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_tensor_from_data(p, bytes.Length, dims, shape.Length, (int)dtype, out var result), result);
        }
    }
}
