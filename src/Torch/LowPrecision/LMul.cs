using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// L-Mul (Luo &amp; Sun 2024, "Addition is All You Need for Energy-efficient Language Models"):
/// a matmul whose every product is (1 + x_m + y_m + 2^−l(m)) · 2^(x_e + y_e), the operands first
/// rounded to m mantissa bits, accumulated in float32 (native/src/lowp_lmul.cpp). This is the
/// paper's formula: a mantissa sum of 2 or more does not carry into the exponent, unlike the
/// bit-pattern add of public implementations. No BLAS. <see cref="MatMul"/> has no gradient;
/// <see cref="MatMulWithGradient"/> has the exact matmul's (straight-through).
/// </summary>
public static class LMul
{
    /// <summary>l(m) of Luo &amp; Sun 2024, eq. 3: m for m ≤ 3, 3 for m = 4, 4 for m &gt; 4.</summary>
    public static int OffsetExponent(int mantissaBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mantissaBits, 1);
        return mantissaBits <= 3 ? mantissaBits : mantissaBits == 4 ? 3 : 4;
    }

    /// <summary>a (…, M, K) times b (…, K, N) with L-Mul products; batch dimensions broadcast as in MatMul.</summary>
    /// <param name="mantissaBits">m, 1..23: 3 stands in for E5M2 and 4 for E4M3 in the paper.</param>
    public static Tensor MatMul(Tensor a, Tensor b, int mantissaBits)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Status.Wrap(NativeMethods.al_lowp_lmul_matmul(a.Handle, b.Handle, mantissaBits, out var r), r);
    }

    /// <summary>
    /// <see cref="MatMul"/> inside autograd: the forward pass is L-Mul, the backward pass the exact
    /// matmul's gradient in float32 (dA = dC·Bᵀ, dB = Aᵀ·dC; the straight-through estimator), as
    /// training through the approximation needs.
    /// </summary>
    public static Tensor MatMulWithGradient(Tensor a, Tensor b, int mantissaBits)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Status.Wrap(NativeMethods.al_lowp_lmul_matmul_grad(a.Handle, b.Handle, mantissaBits, out var r), r);
    }
}
