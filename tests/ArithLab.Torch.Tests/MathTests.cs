namespace ArithLab.Torch.Tests;

// Expected values are hand-computed unless a comment says they come from PyTorch 1.13.
public class MathTests
{
    private static Tensor D(params double[] values) => Tensor.From(values);

    [Fact]
    public void Add_sub_mul_div_broadcast_a_row_over_a_matrix()
    {
        using var scope = DisposeScope.Begin();
        var m = Tensor.From(new double[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var row = Tensor.From(new double[] { 10, 20, 30 }, 1, 3);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, (m + row).ToArray<double>());
        Assert.Equal(new double[] { -9, -18, -27, -6, -15, -24 }, (m - row).ToArray<double>());
        Assert.Equal(new double[] { 10, 40, 90, 40, 100, 180 }, (m * row).ToArray<double>());
        Assert.Equal(new double[] { 0.1, 0.1, 0.1, 0.4, 0.25, 0.2 }, (m / row).ToArray<double>());
        Assert.Equal(new long[] { 2, 3 }, (m / row).Shape);
    }

    [Fact]
    public void Add_with_alpha_scales_the_second_operand()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new double[] { 7, 10 }, Tensor.Add(D(1, 2), D(3, 4), 2.0).ToArray<double>());
        var i = Tensor.From(new long[] { 1, 2 });
        Assert.Equal(new long[] { -2, -1 }, Tensor.Add(i, Tensor.From(new long[] { 1, 1 }), -3L).ToArray<long>());
    }

    [Fact]
    public void Scalar_on_either_side_gives_the_pytorch_result()
    {
        using var scope = DisposeScope.Begin();
        var x = D(1, 2, 4);
        Assert.Equal(new double[] { 3, 4, 6 }, (2.0 + x).ToArray<double>());
        Assert.Equal(new double[] { 1, 0, -2 }, (2.0 - x).ToArray<double>());
        Assert.Equal(new double[] { -1, 0, 2 }, (x - 2.0).ToArray<double>());
        Assert.Equal(new double[] { 3, 6, 12 }, (3.0 * x).ToArray<double>());
        Assert.Equal(new double[] { 4, 2, 1 }, (4.0 / x).ToArray<double>());
        Assert.Equal(new double[] { 0.5, 1, 2 }, (x / 2.0).ToArray<double>());
        Assert.Equal(new double[] { -1, -2, -4 }, (-x).ToArray<double>());
    }

    [Fact]
    public void Integer_tensor_with_integer_scalar_stays_int64()
    {
        using var scope = DisposeScope.Begin();
        var i = Tensor.From(new long[] { 4, 8 });
        foreach (var t in new[] { i + 2L, 2L + i, i - 2L, 2L - i, i * 2L, 2L * i })
        {
            Assert.Equal(ScalarType.Int64, t.DType);
        }
        Assert.Equal(new long[] { -2, -6 }, (2L - i).ToArray<long>());
        Assert.Equal(new long[] { 8, 16 }, (i * 2L).ToArray<long>());
    }

    [Fact]
    public void Integer_division_is_true_division_into_the_default_float_dtype()
    {
        using var scope = DisposeScope.Begin();
        var i = Tensor.From(new long[] { 4, 5 });
        var q = i / 2L;
        Assert.Equal(ScalarType.Float32, q.DType);
        Assert.Equal(new float[] { 2f, 2.5f }, q.ToArray<float>());
        // PyTorch 1.13: (2 / torch.tensor([4, 8])).dtype == torch.float32.
        var r = 2L / i;
        Assert.Equal(ScalarType.Float32, r.DType);
        Assert.Equal(new float[] { 0.5f, 0.4f }, r.ToArray<float>());
        Assert.Equal(ScalarType.Float32, (i / i).DType);
    }

    [Fact]
    public void Double_scalar_does_not_widen_a_float32_tensor()
    {
        using var scope = DisposeScope.Begin();
        var f = Tensor.From(new float[] { 1, 2 });
        Assert.Equal(ScalarType.Float32, (f * 0.1).DType);
        Assert.Equal(ScalarType.Float32, (1.0 - f).DType);
        Assert.Equal(ScalarType.Float32, (1.0 / f).DType);
        Assert.Equal(ScalarType.Float32, (2.5 - Tensor.From(new long[] { 4 })).DType);
    }

    [Fact]
    public void Broadcast_mismatch_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(4);
        Assert.Throws<TorchException>(() => a + b);
        Assert.Throws<TorchException>(() => a - b);
        Assert.Throws<TorchException>(() => a * b);
        Assert.Throws<TorchException>(() => a / b);
        Assert.Throws<TorchException>(() => Tensor.Add(a, b, 2.0));
        Assert.Throws<TorchException>(() => Tensor.Pow(2.0, a).Pow(b));
        Assert.Throws<TorchException>(() => Tensor.Maximum(a, b));
        Assert.Throws<TorchException>(() => Tensor.Minimum(a, b));
        Assert.Throws<TorchException>(() => a % b);
    }

    [Fact]
    public void Div_rounding_modes_match_c_and_python_integer_division()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new long[] { -7, 7, -7, 7 });
        var b = Tensor.From(new long[] { 2, 2, -2, -2 });
        var floor = Tensor.Div(a, b, RoundingMode.Floor);
        Assert.Equal(ScalarType.Int64, floor.DType);
        Assert.Equal(new long[] { -4, 3, 3, -4 }, floor.ToArray<long>());
        Assert.Equal(new long[] { -3, 3, 3, -3 }, Tensor.Div(a, b, RoundingMode.Trunc).ToArray<long>());
        Assert.Equal(new float[] { -3.5f, 3.5f, 3.5f, -3.5f }, Tensor.Div(a, b, RoundingMode.None).ToArray<float>());
        // Digits of 4096 by floor division and remainder: 4, 0, 9, 6.
        var n = Tensor.From(new long[] { 4096 });
        var digits = new[] { 1000L, 100L, 10L, 1L }.Select(p => (Tensor.Div(n, p, RoundingMode.Floor) % 10L).Item<long>());
        Assert.Equal(new long[] { 4, 0, 9, 6 }, digits);
        Assert.Equal(new double[] { -4, 3 }, Tensor.Div(D(-7, 7), 2.0, RoundingMode.Floor).ToArray<double>());
        Assert.Throws<TorchException>(() => Tensor.Div(a, b, (RoundingMode)5));
    }

    [Fact]
    public void Remainder_takes_the_sign_of_the_divisor_like_python()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new long[] { -7, 7, -7, 7 });
        var b = Tensor.From(new long[] { 3, 3, -3, -3 });
        Assert.Equal(new long[] { 2, 1, -1, -2 }, (a % b).ToArray<long>());
        Assert.Equal(new long[] { 2, 1, 2, 1 }, (a % 3L).ToArray<long>());
        Assert.Equal(new double[] { 0.5, 1.5 }, (D(-1.5, 1.5) % 2.0).ToArray<double>());
    }

    [Fact]
    public void Pow_with_tensor_scalar_and_scalar_base()
    {
        using var scope = DisposeScope.Begin();
        var x = D(1, 2, 3);
        Assert.Equal(new double[] { 1, 4, 9 }, x.Pow(2.0).ToArray<double>());
        Assert.Equal(new double[] { 1, 4, 27 }, x.Pow(D(3, 2, 3)).ToArray<double>());
        Assert.Equal(new double[] { 2, 4, 8 }, Tensor.Pow(2.0, x).ToArray<double>());
        var i = Tensor.From(new long[] { 2, 3 }).Pow(2L);
        Assert.Equal(ScalarType.Int64, i.DType);
        Assert.Equal(new long[] { 4, 9 }, i.ToArray<long>());
    }

    [Fact]
    public void Maximum_and_minimum_are_elementwise()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new double[] { 3, 5 }, Tensor.Maximum(D(1, 5), D(3, 2)).ToArray<double>());
        Assert.Equal(new double[] { 1, 2 }, Tensor.Minimum(D(1, 5), D(3, 2)).ToArray<double>());
    }

    [Fact]
    public void Clamp_limits_to_either_or_both_bounds()
    {
        using var scope = DisposeScope.Begin();
        var x = D(-2, 0.5, 3);
        Assert.Equal(new double[] { -1, 0.5, 1 }, x.Clamp(-1.0, 1.0).ToArray<double>());
        Assert.Equal(new double[] { 0, 0.5, 3 }, x.Clamp(min: 0.0).ToArray<double>());
        Assert.Equal(new double[] { -2, 0.5, 2 }, x.Clamp(max: 2.0).ToArray<double>());
        var i = Tensor.From(new long[] { -5, 5 }).Clamp(0L, 3L);
        Assert.Equal(ScalarType.Int64, i.DType);
        Assert.Equal(new long[] { 0, 3 }, i.ToArray<long>());
        Assert.Throws<TorchException>(() => x.Clamp());
    }

    [Fact]
    public void Unary_functions_match_System_Math()
    {
        using var scope = DisposeScope.Begin();
        double[] v = { 0.25, 1.0, 2.0, 9.0 };
        var x = Tensor.From(v);
        AssertClose(v.Select(a => Math.Sqrt(a)), x.Sqrt());
        AssertClose(v.Select(a => 1 / Math.Sqrt(a)), x.Rsqrt());
        AssertClose(v.Select(a => Math.Exp(a)), x.Exp());
        AssertClose(v.Select(a => Math.Log(a)), x.Log());
        AssertClose(v.Select(a => Math.Sin(a)), x.Sin());
        AssertClose(v.Select(a => Math.Cos(a)), x.Cos());
        AssertClose(v.Select(a => 1 / a), x.Reciprocal());
    }

    [Fact]
    public void Log2_log1p_expm1_match_System_Math()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new double[] { -1, 0, 10 }, D(0.5, 1, 1024).Log2().ToArray<double>());
        // For tiny x, log1p and expm1 keep the digits that log(1 + x) and exp(x) − 1 lose.
        // (Math.Log(1 + 1e-12) is off by 9e-5 relative; the series x ∓ x²/2 is exact to double precision.)
        var tiny = D(1e-12);
        Assert.InRange(tiny.Log1p().Item() / (1e-12 - 0.5e-24) - 1, -1e-15, 1e-15);
        Assert.InRange(tiny.Expm1().Item() / (1e-12 + 0.5e-24) - 1, -1e-15, 1e-15);
        AssertClose(new[] { Math.Log(3.0) }, D(2.0).Log1p());
        AssertClose(new[] { Math.Exp(2.0) - 1 }, D(2.0).Expm1());
    }

    [Fact]
    public void Abs_sign_and_neg()
    {
        using var scope = DisposeScope.Begin();
        var x = D(-2.5, 0, 3);
        Assert.Equal(new double[] { 2.5, 0, 3 }, x.Abs().ToArray<double>());
        Assert.Equal(new double[] { -1, 0, 1 }, x.Sign().ToArray<double>());
        Assert.Equal(new double[] { 2.5, 0, -3 }, x.Neg().ToArray<double>());
    }

    [Fact]
    public void Rounding_functions_and_round_half_to_even()
    {
        using var scope = DisposeScope.Begin();
        var x = D(-1.5, -0.5, 0.5, 1.5, 2.5, 2.7);
        Assert.Equal(new double[] { -2, -1, 0, 1, 2, 2 }, x.Floor().ToArray<double>());
        Assert.Equal(new double[] { -1, -0.0, 1, 2, 3, 3 }, x.Ceil().ToArray<double>());
        Assert.Equal(new double[] { -1, -0.0, 0, 1, 2, 2 }, x.Trunc().ToArray<double>());
        // torch.round rounds half to even: [-2, -0, 0, 2, 2, 3].
        Assert.Equal(new double[] { -2, -0.0, 0, 2, 2, 3 }, x.Round().ToArray<double>());
    }

    [Fact]
    public void Bmm_multiplies_each_batch_matrix()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 1, 2, 3, 4, /* batch 1 */ 1, 0, 0, 1 }, 2, 2, 2);
        var b = Tensor.From(new double[] { 5, 6, 7, 8, /* batch 1 */ 2, 3, 4, 5 }, 2, 2, 2);
        var c = Tensor.Bmm(a, b);
        Assert.Equal(new long[] { 2, 2, 2 }, c.Shape);
        Assert.Equal(new double[] { 19, 22, 43, 50, 2, 3, 4, 5 }, c.ToArray<double>());
    }

    [Fact]
    public void Bmm_with_wrong_dims_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<TorchException>(() => Tensor.Bmm(Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)));
        Assert.Throws<TorchException>(() => Tensor.Bmm(Tensor.Zeros(2, 2, 3), Tensor.Zeros(2, 4, 2)));
        Assert.Throws<TorchException>(() => Tensor.Bmm(Tensor.Zeros(2, 2, 3), Tensor.Zeros(3, 3, 2)));
    }

    [Fact]
    public void Matmul_broadcasts_a_matrix_over_a_batch()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 1, 2, 3, 4, 1, 0, 0, 1 }, 2, 2, 2);
        var b = Tensor.From(new double[] { 5, 6, 7, 8 }, 2, 2);
        Assert.Equal(new double[] { 19, 22, 43, 50, 5, 6, 7, 8 }, Tensor.MatMul(a, b).ToArray<double>());
    }

    [Fact]
    public void In_place_updates_modify_and_return_the_same_tensor()
    {
        using var scope = DisposeScope.Begin();
        var x = D(1, 2);
        Assert.Same(x, x.Add_(D(10, 20), alpha: 0.5));
        Assert.Equal(new double[] { 6, 12 }, x.ToArray<double>());
        x.Add_(D(1, 1)).Add_(1.0);
        Assert.Equal(new double[] { 8, 14 }, x.ToArray<double>());
        x.Mul_(0.5).Mul_(D(2, 3));
        Assert.Equal(new double[] { 8, 21 }, x.ToArray<double>());
        x.Div_(D(4, 7)).Div_(2.0);
        Assert.Equal(new double[] { 1, 1.5 }, x.ToArray<double>());
        x.Addcmul_(D(2, 3), D(4, 5), value: 0.5); // 1 + 4, 1.5 + 7.5
        Assert.Equal(new double[] { 5, 9 }, x.ToArray<double>());
        x.Addcdiv_(D(6, 8), D(3, 2), value: 2.0); // 5 + 4, 9 + 8
        Assert.Equal(new double[] { 9, 17 }, x.ToArray<double>());
        x.Lerp_(D(1, 1), 0.25); // 9 + 0.25·(1 − 9), 17 + 0.25·(1 − 17)
        Assert.Equal(new double[] { 7, 13 }, x.ToArray<double>());
        x.Fill_(16.0).Sqrt_();
        Assert.Equal(new double[] { 4, 4 }, x.ToArray<double>());
        x.Clamp_(max: 3.0);
        Assert.Equal(new double[] { 3, 3 }, x.ToArray<double>());
        Assert.Same(x, x.Zero_());
        Assert.Equal(new double[] { 0, 0 }, x.ToArray<double>());
    }

    [Fact]
    public void In_place_integer_updates_keep_int64()
    {
        using var scope = DisposeScope.Begin();
        var i = Tensor.From(new long[] { 1, 2 });
        i.Add_(Tensor.From(new long[] { 1, 1 }), 3L).Add_(1L).Mul_(2L).Fill_(7L);
        Assert.Equal(ScalarType.Int64, i.DType);
        Assert.Equal(new long[] { 7, 7 }, i.ToArray<long>());
        var j = Tensor.From(new long[] { 1, 2 }).Add_(Tensor.From(new long[] { 1, 1 }), 3L);
        Assert.Equal(new long[] { 4, 5 }, j.ToArray<long>());
    }

    [Fact]
    public void In_place_op_that_would_change_dtype_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var i = Tensor.From(new long[] { 1, 2 });
        Assert.Throws<TorchException>(() => i.Div_(D(2, 2)));
        Assert.Throws<TorchException>(() => D(1, 2).Add_(D(1, 2, 3)));
    }

    [Fact]
    public void In_place_on_a_leaf_requiring_grad_is_refused_unless_grad_is_off()
    {
        using var scope = DisposeScope.Begin();
        var w = D(1, 2).RequiresGrad_();
        Assert.Throws<TorchException>(() => w.Mul_(2.0));
        using (LibTorch.NoGrad())
        {
            w.Mul_(2.0);
        }
        Assert.Equal(new double[] { 2, 4 }, w.ToArray<double>());
    }

    [Fact]
    public void Gradcheck_add_sub_with_broadcasting()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0] + x[1] - 2.0 * x[1] + Tensor.Add(x[0], x[1], 0.5), Tensor.From(new double[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 }, 2, 3), Tensor.From(new double[] { 1.0, -2.0, 0.5 }, 3));
    }

    [Fact]
    public void Gradcheck_mul_div()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0] * x[1] / x[1].Pow(3.0) + 1.0 / x[0], D(0.7, -1.3, 2.0), D(1.1, 0.9, -1.5));
    }

    [Fact]
    public void Gradcheck_pow_tensor_exponent()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Pow(x[1]), D(0.5, 1.2, 2.0), D(1.5, -0.5, 3.0));
    }

    [Fact]
    public void Gradcheck_scalar_base_pow()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Tensor.Pow(2.0, x[0]), D(0.5, -1.2, 2.0));
    }

    [Fact]
    public void Gradcheck_sqrt_rsqrt()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Sqrt() + x[0].Rsqrt(), D(0.5, 1.2, 4.0));
    }

    [Fact]
    public void Gradcheck_exp()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Exp(), D(-1.0, 0.3, 1.5));
    }

    [Fact]
    public void Gradcheck_log()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Log(), D(0.2, 1.0, 3.5));
    }

    [Fact]
    public void Gradcheck_abs_away_from_zero()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Abs(), D(-1.0, 0.3, -0.7));
    }

    [Fact]
    public void Gradcheck_clamp_inside_and_outside_the_bounds()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Clamp(-0.5, 0.5), D(-1.0, 0.3, 0.9, -0.2));
    }

    [Fact]
    public void Gradcheck_sin_cos()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Sin() * x[0].Cos(), D(-1.0, 0.3, 2.5));
    }

    [Fact]
    public void Gradcheck_neg_reciprocal_maximum()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => Tensor.Maximum(-x[0], x[1].Reciprocal()), D(-1.0, 0.3, 2.5), D(0.5, 2.0, -3.0));
    }

    [Fact]
    public void Gradcheck_log2_log1p_expm1()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Log2() + x[0].Log1p() + x[0].Expm1(), D(0.2, 1.0, 3.5));
    }

    [Fact]
    public void Gradcheck_bmm()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1.0, 1.1, 1.2 }, 2, 2, 3);
        var b = Tensor.From(new double[] { 0.3, -0.1, 0.2, 0.9, -0.4, 0.6, 0.5, 0.5, -0.2, 0.1, 0.8, -0.7 }, 2, 3, 2);
        GradCheck.Assert(x => Tensor.Bmm(x[0], x[1]), a, b);
    }

    internal static void AssertClose(IEnumerable<double> expected, Tensor actual, double tolerance = 1e-12)
    {
        var e = expected.ToArray();
        var a = actual.ToArray<double>();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance * Math.Max(1, Math.Abs(e[i])), $"element {i}: expected {e[i]:R}, got {a[i]:R}");
        }
    }
}

/// <summary>The ownership rule for in-place ops: they return the same tensor and make no new native handle.</summary>
[Collection(GlobalStateCollection.Name)]
public class InPlaceOwnershipTests
{
    [Fact]
    public void In_place_updates_create_no_native_tensor()
    {
        using var x = Tensor.From(new double[] { 1, 2 });
        using var y = Tensor.From(new double[] { 3, 4 });
        var before = LibTorch.SettledLiveTensors;
        x.Add_(y, 2.0).Mul_(y).Div_(2.0).Addcmul_(x, y).Addcdiv_(x, y).Lerp_(y, 0.5).Clamp_(min: 0.0).Sqrt_().Fill_(1.0).Zero_();
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }
}
