using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Elementwise comparisons (with broadcasting) returning bool tensors, and whole-tensor tests.
public sealed partial class Tensor
{
    public static Tensor Eq(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_eq(a.Handle, b.Handle, out var r), r);
    public static Tensor Eq(Tensor a, double b) => Status.Wrap(NativeMethods.al_eq_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Eq(Tensor a, long b) => Status.Wrap(NativeMethods.al_eq_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Ne(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_ne(a.Handle, b.Handle, out var r), r);
    public static Tensor Ne(Tensor a, double b) => Status.Wrap(NativeMethods.al_ne_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Ne(Tensor a, long b) => Status.Wrap(NativeMethods.al_ne_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Lt(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_lt(a.Handle, b.Handle, out var r), r);
    public static Tensor Lt(Tensor a, double b) => Status.Wrap(NativeMethods.al_lt_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Lt(Tensor a, long b) => Status.Wrap(NativeMethods.al_lt_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Le(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_le(a.Handle, b.Handle, out var r), r);
    public static Tensor Le(Tensor a, double b) => Status.Wrap(NativeMethods.al_le_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Le(Tensor a, long b) => Status.Wrap(NativeMethods.al_le_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Gt(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_gt(a.Handle, b.Handle, out var r), r);
    public static Tensor Gt(Tensor a, double b) => Status.Wrap(NativeMethods.al_gt_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Gt(Tensor a, long b) => Status.Wrap(NativeMethods.al_gt_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Ge(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_ge(a.Handle, b.Handle, out var r), r);
    public static Tensor Ge(Tensor a, double b) => Status.Wrap(NativeMethods.al_ge_scalar(a.Handle, AlScalar.Of(b), out var r), r);
    public static Tensor Ge(Tensor a, long b) => Status.Wrap(NativeMethods.al_ge_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    /// <summary>Elementwise AND of truth values (non-zero is true), as a bool tensor.</summary>
    public static Tensor LogicalAnd(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_logical_and(a.Handle, b.Handle, out var r), r);

    public static Tensor LogicalOr(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_logical_or(a.Handle, b.Handle, out var r), r);

    public static Tensor LogicalXor(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_logical_xor(a.Handle, b.Handle, out var r), r);

    public Tensor LogicalNot() => Status.Wrap(NativeMethods.al_logical_not(Handle, out var r), r);

    public Tensor IsNan() => Status.Wrap(NativeMethods.al_isnan(Handle, out var r), r);

    /// <summary>True for +∞ and −∞.</summary>
    public Tensor IsInf() => Status.Wrap(NativeMethods.al_isinf(Handle, out var r), r);

    /// <summary>True for elements that are neither NaN nor infinite.</summary>
    public Tensor IsFinite() => Status.Wrap(NativeMethods.al_isfinite(Handle, out var r), r);

    /// <summary>|a − b| ≤ atol + rtol·|b| for every element, with broadcasting (torch.allclose).</summary>
    public static bool AllClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false)
    {
        Status.Check(NativeMethods.al_allclose(a.Handle, b.Handle, rtol, atol, equalNan ? 1 : 0, out var result));
        return result != 0;
    }

    /// <summary>Same shape and exactly equal elements (torch.equal).</summary>
    public static bool Equal(Tensor a, Tensor b)
    {
        Status.Check(NativeMethods.al_equal(a.Handle, b.Handle, out var result));
        return result != 0;
    }
}
