using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Elementwise arithmetic (with broadcasting) and linear algebra.
public sealed partial class Tensor
{
    public static Tensor Add(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_add(a.Handle, b.Handle, out var r), r);

    public static Tensor Add(Tensor a, double b) => Status.Wrap(NativeMethods.al_add_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Add(Tensor a, long b) => Status.Wrap(NativeMethods.al_add_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Mul(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_mul(a.Handle, b.Handle, out var r), r);

    /// <summary>Matrix product with PyTorch's matmul broadcasting rules.</summary>
    public static Tensor MatMul(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_matmul(a.Handle, b.Handle, out var r), r);

    public Tensor Sum() => Status.Wrap(NativeMethods.al_sum(Handle, out var r), r);

    public static Tensor operator +(Tensor a, Tensor b) => Add(a, b);
    public static Tensor operator +(Tensor a, double b) => Add(a, b);
    public static Tensor operator *(Tensor a, Tensor b) => Mul(a, b);
}
