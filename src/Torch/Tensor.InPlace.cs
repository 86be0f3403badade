using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// In-place updates, as optimizers use them. Each modifies this tensor and returns it.
// Like PyTorch, they fail on a leaf that requires grad unless grad mode is off.
public sealed partial class Tensor
{
    public Tensor Add_(Tensor other) =>
        InPlace(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(1L)));

    /// <summary>this += alpha·other.</summary>
    public Tensor Add_(Tensor other, double alpha) =>
        InPlace(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(alpha)));

    public Tensor Add_(Tensor other, long alpha) =>
        InPlace(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(alpha)));

    public Tensor Add_(double value) =>
        InPlace(NativeMethods.al_add_scalar_(Handle, AlScalar.Of(value)));

    public Tensor Add_(long value) =>
        InPlace(NativeMethods.al_add_scalar_(Handle, AlScalar.Of(value)));

    public Tensor Mul_(Tensor other) =>
        InPlace(NativeMethods.al_mul_(Handle, other.Handle));

    public Tensor Mul_(double value) =>
        InPlace(NativeMethods.al_mul_scalar_(Handle, AlScalar.Of(value)));

    public Tensor Mul_(long value) =>
        InPlace(NativeMethods.al_mul_scalar_(Handle, AlScalar.Of(value)));

    public Tensor Div_(Tensor other) =>
        InPlace(NativeMethods.al_div_(Handle, other.Handle));

    public Tensor Div_(double value) =>
        InPlace(NativeMethods.al_div_scalar_(Handle, AlScalar.Of(value)));

    /// <summary>this += value·t1·t2 (Adam's second-moment update).</summary>
    public Tensor Addcmul_(Tensor t1, Tensor t2, double value = 1.0) =>
        InPlace(NativeMethods.al_addcmul_(Handle, t1.Handle, t2.Handle, AlScalar.Of(value)));

    /// <summary>this += value·t1/t2 (Adam's parameter step).</summary>
    public Tensor Addcdiv_(Tensor t1, Tensor t2, double value = 1.0) =>
        InPlace(NativeMethods.al_addcdiv_(Handle, t1.Handle, t2.Handle, AlScalar.Of(value)));

    /// <summary>this += weight·(end − this) (exponential moving averages).</summary>
    public Tensor Lerp_(Tensor end, double weight) =>
        InPlace(NativeMethods.al_lerp_(Handle, end.Handle, AlScalar.Of(weight)));

    public Tensor Zero_() =>
        InPlace(NativeMethods.al_zero_(Handle));

    public Tensor Fill_(double value) =>
        InPlace(NativeMethods.al_fill_(Handle, AlScalar.Of(value)));

    public Tensor Fill_(long value) =>
        InPlace(NativeMethods.al_fill_(Handle, AlScalar.Of(value)));

    public Tensor Sqrt_() =>
        InPlace(NativeMethods.al_sqrt_(Handle));

    /// <summary>Limits every element to [min, max] in place; either bound may be left out, not both.</summary>
    public unsafe Tensor Clamp_(double? min = null, double? max = null)
    {
        var lo = AlScalar.Of(min ?? 0.0);
        var hi = AlScalar.Of(max ?? 0.0);
        return InPlace(NativeMethods.al_clamp_(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null));
    }

    // The native in-place ops return only a status; the C# ones return the tensor, for chaining.
    private Tensor InPlace(int status)
    {
        Status.Check(status);
        return this;
    }
}
