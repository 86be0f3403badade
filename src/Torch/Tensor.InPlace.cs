using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// In-place updates, as optimizers use them. Each modifies this tensor and returns it.
// Like PyTorch, they fail on a leaf that requires grad unless grad mode is off.
public sealed partial class Tensor
{
    public Tensor Add_(Tensor other)
    {
        Status.Check(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(1L)));
        return this;
    }

    /// <summary>this += alpha·other.</summary>
    public Tensor Add_(Tensor other, double alpha)
    {
        Status.Check(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(alpha)));
        return this;
    }

    public Tensor Add_(Tensor other, long alpha)
    {
        Status.Check(NativeMethods.al_add_(Handle, other.Handle, AlScalar.Of(alpha)));
        return this;
    }

    public Tensor Add_(double value)
    {
        Status.Check(NativeMethods.al_add_scalar_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Add_(long value)
    {
        Status.Check(NativeMethods.al_add_scalar_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Mul_(Tensor other)
    {
        Status.Check(NativeMethods.al_mul_(Handle, other.Handle));
        return this;
    }

    public Tensor Mul_(double value)
    {
        Status.Check(NativeMethods.al_mul_scalar_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Mul_(long value)
    {
        Status.Check(NativeMethods.al_mul_scalar_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Div_(Tensor other)
    {
        Status.Check(NativeMethods.al_div_(Handle, other.Handle));
        return this;
    }

    public Tensor Div_(double value)
    {
        Status.Check(NativeMethods.al_div_scalar_(Handle, AlScalar.Of(value)));
        return this;
    }

    /// <summary>this += value·t1·t2 (Adam's second-moment update).</summary>
    public Tensor Addcmul_(Tensor t1, Tensor t2, double value = 1.0)
    {
        Status.Check(NativeMethods.al_addcmul_(Handle, t1.Handle, t2.Handle, AlScalar.Of(value)));
        return this;
    }

    /// <summary>this += value·t1/t2 (Adam's parameter step).</summary>
    public Tensor Addcdiv_(Tensor t1, Tensor t2, double value = 1.0)
    {
        Status.Check(NativeMethods.al_addcdiv_(Handle, t1.Handle, t2.Handle, AlScalar.Of(value)));
        return this;
    }

    /// <summary>this += weight·(end − this) (exponential moving averages).</summary>
    public Tensor Lerp_(Tensor end, double weight)
    {
        Status.Check(NativeMethods.al_lerp_(Handle, end.Handle, AlScalar.Of(weight)));
        return this;
    }

    public Tensor Zero_()
    {
        Status.Check(NativeMethods.al_zero_(Handle));
        return this;
    }

    public Tensor Fill_(double value)
    {
        Status.Check(NativeMethods.al_fill_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Fill_(long value)
    {
        Status.Check(NativeMethods.al_fill_(Handle, AlScalar.Of(value)));
        return this;
    }

    public Tensor Sqrt_()
    {
        Status.Check(NativeMethods.al_sqrt_(Handle));
        return this;
    }

    /// <summary>Limits every element to [min, max] in place; either bound may be left out, not both.</summary>
    public unsafe Tensor Clamp_(double? min = null, double? max = null)
    {
        var lo = AlScalar.Of(min ?? 0.0);
        var hi = AlScalar.Of(max ?? 0.0);
        Status.Check(NativeMethods.al_clamp_(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null));
        return this;
    }
}
