using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Elementwise arithmetic (with broadcasting) and linear algebra. A double scalar is a
// floating scalar and a long scalar an integer one, with PyTorch's type promotion:
// int64 tensor + 2L stays int64, int64 tensor + 0.5 becomes the default float dtype, and a
// scalar never widens a float32 tensor to float64.
public sealed partial class Tensor
{
    public static Tensor Add(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_add(a.Handle, b.Handle, out var r), r);

    /// <summary>a + alpha·b in one kernel.</summary>
    public static Tensor Add(Tensor a, Tensor b, double alpha) => Status.Wrap(NativeMethods.al_add_alpha(a.Handle, b.Handle, AlScalar.Of(alpha), out var r), r);

    public static Tensor Add(Tensor a, Tensor b, long alpha) => Status.Wrap(NativeMethods.al_add_alpha(a.Handle, b.Handle, AlScalar.Of(alpha), out var r), r);

    public static Tensor Add(Tensor a, double b) => Status.Wrap(NativeMethods.al_add_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Add(Tensor a, long b) => Status.Wrap(NativeMethods.al_add_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Add(double a, Tensor b) => Add(b, a);

    public static Tensor Add(long a, Tensor b) => Add(b, a);

    public static Tensor Sub(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_sub(a.Handle, b.Handle, out var r), r);

    public static Tensor Sub(Tensor a, double b) => Status.Wrap(NativeMethods.al_sub_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Sub(Tensor a, long b) => Status.Wrap(NativeMethods.al_sub_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Sub(double a, Tensor b) => Status.Wrap(NativeMethods.al_rsub_scalar(b.Handle, AlScalar.Of(a), out var r), r);

    public static Tensor Sub(long a, Tensor b) => Status.Wrap(NativeMethods.al_rsub_scalar(b.Handle, AlScalar.Of(a), out var r), r);

    public static Tensor Mul(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_mul(a.Handle, b.Handle, out var r), r);

    public static Tensor Mul(Tensor a, double b) => Status.Wrap(NativeMethods.al_mul_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Mul(Tensor a, long b) => Status.Wrap(NativeMethods.al_mul_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Mul(double a, Tensor b) => Mul(b, a);

    public static Tensor Mul(long a, Tensor b) => Mul(b, a);

    /// <summary>True division (torch.div): integer operands give a floating result.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_div(a.Handle, b.Handle, out var r), r);

    public static Tensor Div(Tensor a, double b) => Status.Wrap(NativeMethods.al_div_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Div(Tensor a, long b) => Status.Wrap(NativeMethods.al_div_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Div(double a, Tensor b) => Status.Wrap(NativeMethods.al_rdiv_scalar(b.Handle, AlScalar.Of(a), out var r), r);

    public static Tensor Div(long a, Tensor b) => Status.Wrap(NativeMethods.al_rdiv_scalar(b.Handle, AlScalar.Of(a), out var r), r);

    /// <summary>Division with a rounding mode: <see cref="RoundingMode.Floor"/> is Python's <c>//</c>
    /// (digit extraction: <c>Div(n, 10L, RoundingMode.Floor)</c>) and keeps integer dtypes.</summary>
    public static Tensor Div(Tensor a, Tensor b, RoundingMode mode) => Status.Wrap(NativeMethods.al_div_mode(a.Handle, b.Handle, (int)mode, out var r), r);

    public static Tensor Div(Tensor a, double b, RoundingMode mode) => Status.Wrap(NativeMethods.al_div_scalar_mode(a.Handle, AlScalar.Of(b), (int)mode, out var r), r);

    public static Tensor Div(Tensor a, long b, RoundingMode mode) => Status.Wrap(NativeMethods.al_div_scalar_mode(a.Handle, AlScalar.Of(b), (int)mode, out var r), r);

    /// <summary>Python's modulus (torch.remainder): the result has the sign of the divisor.</summary>
    public static Tensor Remainder(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_remainder(a.Handle, b.Handle, out var r), r);

    public static Tensor Remainder(Tensor a, double b) => Status.Wrap(NativeMethods.al_remainder_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    public static Tensor Remainder(Tensor a, long b) => Status.Wrap(NativeMethods.al_remainder_scalar(a.Handle, AlScalar.Of(b), out var r), r);

    /// <summary>Elementwise maximum of two tensors (NaN propagates).</summary>
    public static Tensor Maximum(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_maximum(a.Handle, b.Handle, out var r), r);

    public static Tensor Minimum(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_minimum(a.Handle, b.Handle, out var r), r);

    public Tensor Pow(Tensor exponent) => Status.Wrap(NativeMethods.al_pow(Handle, exponent.Handle, out var r), r);

    public Tensor Pow(double exponent) => Status.Wrap(NativeMethods.al_pow_scalar(Handle, AlScalar.Of(exponent), out var r), r);

    public Tensor Pow(long exponent) => Status.Wrap(NativeMethods.al_pow_scalar(Handle, AlScalar.Of(exponent), out var r), r);

    /// <summary><paramref name="baseValue"/> raised to each element of <paramref name="exponent"/>.</summary>
    public static Tensor Pow(double baseValue, Tensor exponent) => Status.Wrap(NativeMethods.al_rpow_scalar(exponent.Handle, AlScalar.Of(baseValue), out var r), r);

    /// <summary>Limits every element to [min, max]; either bound may be left out, not both.</summary>
    public unsafe Tensor Clamp(double? min = null, double? max = null)
    {
        var lo = AlScalar.Of(min ?? 0.0);
        var hi = AlScalar.Of(max ?? 0.0);
        return Status.Wrap(NativeMethods.al_clamp(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null, out var r), r);
    }

    /// <summary>Integer bounds, which keep an integer tensor integral.</summary>
    public unsafe Tensor Clamp(long? min, long? max)
    {
        var lo = AlScalar.Of(min ?? 0L);
        var hi = AlScalar.Of(max ?? 0L);
        return Status.Wrap(NativeMethods.al_clamp(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null, out var r), r);
    }

    public Tensor Neg() => Status.Wrap(NativeMethods.al_neg(Handle, out var r), r);

    public Tensor Abs() => Status.Wrap(NativeMethods.al_abs(Handle, out var r), r);

    /// <summary>−1, 0 or 1 per element.</summary>
    public Tensor Sign() => Status.Wrap(NativeMethods.al_sign(Handle, out var r), r);

    public Tensor Sqrt() => Status.Wrap(NativeMethods.al_sqrt(Handle, out var r), r);

    /// <summary>1/√x.</summary>
    public Tensor Rsqrt() => Status.Wrap(NativeMethods.al_rsqrt(Handle, out var r), r);

    public Tensor Exp() => Status.Wrap(NativeMethods.al_exp(Handle, out var r), r);

    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Status.Wrap(NativeMethods.al_log(Handle, out var r), r);

    public Tensor Log2() => Status.Wrap(NativeMethods.al_log2(Handle, out var r), r);

    /// <summary>log(1 + x), accurate for small x.</summary>
    public Tensor Log1p() => Status.Wrap(NativeMethods.al_log1p(Handle, out var r), r);

    /// <summary>exp(x) − 1, accurate for small x.</summary>
    public Tensor Expm1() => Status.Wrap(NativeMethods.al_expm1(Handle, out var r), r);

    public Tensor Sin() => Status.Wrap(NativeMethods.al_sin(Handle, out var r), r);

    public Tensor Cos() => Status.Wrap(NativeMethods.al_cos(Handle, out var r), r);

    public Tensor Reciprocal() => Status.Wrap(NativeMethods.al_reciprocal(Handle, out var r), r);

    public Tensor Floor() => Status.Wrap(NativeMethods.al_floor(Handle, out var r), r);

    public Tensor Ceil() => Status.Wrap(NativeMethods.al_ceil(Handle, out var r), r);

    /// <summary>Rounds half to even, as torch.round (2.5 → 2, 3.5 → 4).</summary>
    public Tensor Round() => Status.Wrap(NativeMethods.al_round(Handle, out var r), r);

    /// <summary>Rounds toward zero.</summary>
    public Tensor Trunc() => Status.Wrap(NativeMethods.al_trunc(Handle, out var r), r);

    /// <summary>Matrix product with PyTorch's matmul broadcasting rules.</summary>
    public static Tensor MatMul(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_matmul(a.Handle, b.Handle, out var r), r);

    /// <summary>Batched matrix product: (B, n, m) × (B, m, p) → (B, n, p), without broadcasting.</summary>
    public static Tensor Bmm(Tensor a, Tensor b) => Status.Wrap(NativeMethods.al_bmm(a.Handle, b.Handle, out var r), r);
}
