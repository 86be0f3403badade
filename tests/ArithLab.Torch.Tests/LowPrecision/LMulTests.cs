using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

public class LMulTests
{
    /// <summary>L-Mul(x, y) straight from Luo &amp; Sun 2024, eq. 3, in exact arithmetic; x and y already have m mantissa bits.</summary>
    private static Dyadic Formula(float x, float y, int m)
    {
        if (x == 0 || y == 0)
        {
            return Dyadic.Zero;
        }
        var (xm, xe) = Split(Dyadic.FromFloat(x).Abs());
        var (ym, ye) = Split(Dyadic.FromFloat(y).Abs());
        var l = m <= 3 ? m : m == 4 ? 3 : 4;
        var product = (Dyadic.Pow2(0) + xm + ym + Dyadic.Pow2(-l)) * Dyadic.Pow2(xe + ye);
        return (x < 0) != (y < 0) ? -product : product;
    }

    // |v| = (1 + fraction) · 2^exponent
    private static (Dyadic Fraction, int Exponent) Split(Dyadic v)
    {
        var e = v.FloorLog2();
        return (v * Dyadic.Pow2(-e) - Dyadic.Pow2(0), e);
    }

    /// <summary>Every m-bit-mantissa value of both signs in binades 2^-3..2^3.</summary>
    private static float[] Operands(int m) =>
        Enumerable.Range(-3, 7).SelectMany(e => Enumerable.Range(0, 1 << m).Select(i => MathF.ScaleB(1f + i / (float)(1 << m), e)))
            .SelectMany(v => new[] { v, -v }).Append(0f).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_product_of_small_mantissa_pairs_is_the_papers_formula(int m)
    {
        var x = Operands(m);
        using var scope = DisposeScope.Begin();
        // (P, 1) @ (1, Q): each output is one L-Mul product.
        var c = LMul.MatMul(Tensor.From(x, x.Length, 1), Tensor.From(x, 1, x.Length), m).ToArray<float>();
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                var expected = Formula(x[i], x[j], m).ToFloatExact();
                Assert.True(expected == c[i * x.Length + j], $"L-Mul m={m} of {x[i]} and {x[j]}: {c[i * x.Length + j]}, formula {expected}");
            }
        }
    }

    [Fact]
    public void A_mantissa_sum_past_two_does_not_carry_into_the_exponent()
    {
        // m = 2, l = 2: 1.75 · 1.75 → (1 + 0.75 + 0.75 + 0.25) · 2^0 = 2.75 by the formula;
        // an integer add of bit patterns would give 2^1 · (1 + 0.75) = 3.5. The exact product is 3.0625.
        using var scope = DisposeScope.Begin();
        Assert.Equal([2.75f], LMul.MatMul(Tensor.From([1.75f], 1, 1), Tensor.From([1.75f], 1, 1), 2).ToArray<float>());
        Assert.Equal(2, LMul.OffsetExponent(2));
        Assert.Equal(3, LMul.OffsetExponent(4));
        Assert.Equal(4, LMul.OffsetExponent(7));
    }

    [Fact]
    public void Operands_are_rounded_to_m_bits_and_products_summed_in_float32_in_order()
    {
        var random = new Random(21);
        const int M = 5, K = 37, N = 70, m = 3;
        var a = Enumerable.Range(0, M * K).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var b = Enumerable.Range(0, K * N).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var rounder = new ReferenceFormat(NumberFormat.Custom(8, m));
        float R(float v) => rounder.Round(v, Rounding.NearestEven).Value;
        using var scope = DisposeScope.Begin();
        var c = LMul.MatMul(Tensor.From(a, M, K), Tensor.From(b, K, N), m).ToArray<float>();
        for (var i = 0; i < M; i++)
        {
            for (var j = 0; j < N; j++)
            {
                var acc = 0f;
                for (var k = 0; k < K; k++)
                {
                    acc += Formula(R(a[i * K + k]), R(b[k * N + j]), m).ToFloatExact();
                }
                Assert.Equal(acc, c[i * N + j]);
            }
        }
    }

    [Fact]
    public void Batch_dimensions_broadcast_and_bad_shapes_are_exceptions()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Randn(2, 3, 4, 5);
        var b = Tensor.Randn(5, 6);
        var c = LMul.MatMul(a, b, 4);
        Assert.Equal(new long[] { 2, 3, 4, 6 }, c.Shape);
        var single = LMul.MatMul(a.Select(0, 1).Select(0, 1), b, 4);
        Assert.Equal(single.ToArray<float>(), c.Select(0, 1).Select(0, 1).ToArray<float>());
        Assert.Contains("cannot be multiplied", Assert.Throws<TorchException>(() => LMul.MatMul(a, Tensor.Randn(4, 6), 4)).Message);
        Assert.Throws<TorchException>(() => LMul.MatMul(Tensor.Randn(3), b, 4));
    }

    [Fact]
    public void Near_four_bit_l_mul_is_close_to_the_true_matmul()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Randn(16, 64);
        var b = Tensor.Randn(64, 16);
        var exact = Tensor.MatMul(a, b).ToArray<float>();
        var approx = LMul.MatMul(a, b, 4).ToArray<float>();
        var error = exact.Zip(approx, (e, q) => Math.Abs(e - q)).Average();
        var scale = exact.Average(e => Math.Abs(e));
        Assert.InRange(error / scale, 0.001, 0.2); // approximate, not exact, yet close
    }
}
