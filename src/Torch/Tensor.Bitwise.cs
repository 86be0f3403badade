using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Bitwise logic and shifts on integer and bool tensors, and bit-level reinterpretation.
public sealed partial class Tensor
{
    public static Tensor BitwiseAnd(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_bitwise_and(a.Handle, b.Handle, out var r), r);
    public static Tensor BitwiseAnd(Tensor a, long b) => Status.Wrap(NativeMethods.al_bitwise_and_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor BitwiseOr(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_bitwise_or(a.Handle, b.Handle, out var r), r);
    public static Tensor BitwiseOr(Tensor a, long b) => Status.Wrap(NativeMethods.al_bitwise_or_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor BitwiseXor(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_bitwise_xor(a.Handle, b.Handle, out var r), r);
    public static Tensor BitwiseXor(Tensor a, long b) => Status.Wrap(NativeMethods.al_bitwise_xor_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    /// <summary>Bitwise complement of integers, logical not of bools.</summary>
    public Tensor BitwiseNot() => Status.Wrap(NativeMethods.al_bitwise_not(Handle, out var r), r);

    public static Tensor BitwiseLeftShift(Tensor a, Tensor bits) => Status.Wrap(NativeMethods.al_bitwise_left_shift(a.Handle, bits.Handle, out var r), r);
    public static Tensor BitwiseLeftShift(Tensor a, long bits) => Status.Wrap(NativeMethods.al_bitwise_left_shift_scalar(a.Handle, AlScalar.Of(bits), out var r), r);

    /// <summary>Right shift; arithmetic (sign-extending) for signed integer dtypes, as in PyTorch.</summary>
    public static Tensor BitwiseRightShift(Tensor a, Tensor bits) => Status.Wrap(NativeMethods.al_bitwise_right_shift(a.Handle, bits.Handle, out var r), r);
    public static Tensor BitwiseRightShift(Tensor a, long bits) => Status.Wrap(NativeMethods.al_bitwise_right_shift_scalar(a.Handle, AlScalar.Of(bits), out var r), r);

    /// <summary>
    /// The same memory seen as another dtype (PyTorch's <c>Tensor.view(dtype)</c>): no copy, the
    /// bits unchanged. With equal element sizes the shape is kept (float32 ↔ int32,
    /// float16/bfloat16 ↔ int16); otherwise the last dimension is rescaled and must be contiguous.
    /// </summary>
    public Tensor ViewAs(ScalarType dtype) => Status.Wrap(NativeMethods.al_view_dtype(Handle, (int)dtype, out var r), r);
}
