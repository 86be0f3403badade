namespace ArithLab.Torch.Tests;

// Expected values are hand-computed unless a comment says they come from PyTorch 1.13.
public class ReduceTests
{
    // [[1, 2, 3, 4],
    //  [2, 4, 6, 9]]
    private static Tensor M() => Tensor.From(new double[] { 1, 2, 3, 4, 2, 4, 6, 9 }, 2, 4);

    private static Tensor D(params double[] values) => Tensor.From(values);

    [Fact]
    public void Sum_over_all_one_and_several_dims()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        Assert.Equal(31.0, m.Sum().Item());
        Assert.Equal(new double[] { 3, 6, 9, 13 }, m.Sum(0).ToArray<double>());
        Assert.Equal(new long[] { 2, 1 }, m.Sum(dim: 1, keepDim: true).Shape);
        Assert.Equal(new double[] { 10, 21 }, m.Sum(-1, keepDim: true).ToArray<double>());
        Assert.Equal(31.0, m.Sum(new[] { 0, 1 }).Item());
        Assert.Empty(m.Sum(new[] { 0, 1 }).Shape);
    }

    [Fact]
    public void Sum_with_dtype_accumulates_in_that_dtype()
    {
        using var scope = DisposeScope.Begin();
        var bytes = Tensor.From(new byte[] { 200, 100 });
        var s = bytes.Sum(0, dtype: ScalarType.Int64);
        Assert.Equal(ScalarType.Int64, s.DType);
        Assert.Equal(300L, s.Item<long>());
        Assert.Equal(ScalarType.Float64, Tensor.From(new float[] { 1, 2 }).Sum(0, dtype: ScalarType.Float64).DType);
    }

    [Fact]
    public void Mean_over_all_and_dims()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        Assert.Equal(31.0 / 8, m.Mean().Item());
        Assert.Equal(new double[] { 1.5, 3, 4.5, 6.5 }, m.Mean(0).ToArray<double>());
        Assert.Equal(new double[] { 2.5, 5.25 }, m.Mean(1, keepDim: true).ToArray<double>());
        Assert.Equal(new long[] { 1, 1 }, m.Mean(new[] { 0, 1 }, keepDim: true).Shape);
        Assert.Equal(2.5, Tensor.From(new long[] { 2, 3 }).Mean(ScalarType.Float64).Item());
    }

    [Fact]
    public void Mean_of_an_integer_tensor_without_dtype_is_a_TorchException() =>
        Assert.Throws<TorchException>(() => { using var t = Tensor.From(new long[] { 1, 2 }); using var m = t.Mean(); });

    [Fact]
    public void Var_and_std_unbiased_and_population()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        // Row 0: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5 → 5/3 and 5/4.
        // Row 1: mean 5.25, squared deviations 10.5625 + 1.5625 + 0.5625 + 14.0625 = 26.75 → 26.75/3 and 26.75/4.
        MathTests.AssertClose(new[] { 5.0 / 3, 26.75 / 3 }, m.Var(1));
        MathTests.AssertClose(new[] { 5.0 / 4, 26.75 / 4 }, m.Var(1, unbiased: false));
        MathTests.AssertClose(new[] { Math.Sqrt(5.0 / 3), Math.Sqrt(26.75 / 3) }, m.Std(1));
        MathTests.AssertClose(new[] { Math.Sqrt(5.0 / 4), Math.Sqrt(26.75 / 4) }, m.Std(new[] { 1 }, correction: 0));
        // All 8 elements: mean 31/8, Σ(x − mean)² = 46.875 → 46.875 / 7 (PyTorch: 6.696428571428571).
        MathTests.AssertClose(new[] { 46.875 / 7 }, m.Var());
        MathTests.AssertClose(new[] { 46.875 / 6 }, m.Var(null, correction: 2));
        Assert.Equal(new long[] { 2, 1 }, m.Var(1, keepDim: true).Shape);
    }

    [Fact]
    public void Prod_over_all_and_a_dim()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        Assert.Equal(24.0 * 432, m.Prod().Item());
        Assert.Equal(new double[] { 2, 8, 18, 36 }, m.Prod(0).ToArray<double>());
        Assert.Equal(new long[] { 2, 1 }, m.Prod(1, keepDim: true).Shape);
    }

    [Fact]
    public void CumSum_runs_along_a_dim_and_widens_integers_to_int64()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new double[] { 1, 3, 6, 10, 2, 6, 12, 21 }, M().CumSum(1).ToArray<double>());
        Assert.Equal(new double[] { 1, 2, 3, 4, 3, 6, 9, 13 }, M().CumSum(0).ToArray<double>());
        var c = Tensor.From(new int[] { 1, 2, 3 }).CumSum(0);
        Assert.Equal(ScalarType.Int64, c.DType); // as torch.cumsum on int32
        Assert.Equal(new long[] { 1, 3, 6 }, c.ToArray<long>());
        Assert.Equal(ScalarType.Float64, Tensor.From(new int[] { 1 }).CumSum(0, ScalarType.Float64).DType);
    }

    [Fact]
    public void Norm_is_the_vector_p_norm()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        // Σx² = 1 + 4 + 9 + 16 + 4 + 16 + 36 + 81 = 167.
        MathTests.AssertClose(new[] { Math.Sqrt(167) }, m.Norm());
        Assert.Equal(new double[] { 3, 6, 9, 13 }, m.Norm(1.0, 0).ToArray<double>());
        Assert.Equal(9.0, m.Norm(double.PositiveInfinity).Item());
        MathTests.AssertClose(new[] { Math.Sqrt(30), Math.Sqrt(137) }, m.Norm(2.0, new[] { 1 }, keepDim: true));
        Assert.Equal(new long[] { 2, 1 }, m.Norm(2.0, new[] { 1 }, keepDim: true).Shape);
    }

    [Fact]
    public void LogSumExp_matches_the_formula_and_does_not_overflow()
    {
        using var scope = DisposeScope.Begin();
        var m = M();
        MathTests.AssertClose(new[] { Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3) + Math.Exp(4)),
                                      Math.Log(Math.Exp(2) + Math.Exp(4) + Math.Exp(6) + Math.Exp(9)) }, m.LogSumExp(1));
        Assert.Equal(new long[] { 1, 4 }, m.LogSumExp(0, keepDim: true).Shape);
        // log(e^1000 + e^1000) = 1000 + log 2, although e^1000 overflows a double.
        MathTests.AssertClose(new[] { 1000 + Math.Log(2) }, D(1000, 1000).LogSumExp(new[] { 0 }));
    }

    [Fact]
    public void Max_and_min_over_all_and_over_a_dim_with_indices()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 3, 7, 1, 5, 0, 8 }, 2, 3);
        Assert.Equal(8.0, x.Max().Item());
        Assert.Equal(0.0, x.Min().Item());
        var (values, indices) = x.Max(1);
        Assert.Equal(new double[] { 7, 8 }, values.ToArray<double>());
        Assert.Equal(ScalarType.Int64, indices.DType);
        Assert.Equal(new long[] { 1, 2 }, indices.ToArray<long>());
        var (minValues, minIndices) = x.Min(0, keepDim: true);
        Assert.Equal(new long[] { 1, 3 }, minValues.Shape);
        Assert.Equal(new double[] { 3, 0, 1 }, minValues.ToArray<double>());
        Assert.Equal(new long[] { 0, 1, 0 }, minIndices.ToArray<long>());
    }

    [Fact]
    public void ArgMax_and_ArgMin_flattened_and_along_a_dim()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 3, 7, 1, 5, 0, 8 }, 2, 3);
        Assert.Equal(5L, x.ArgMax().Item<long>());
        Assert.Equal(4L, x.ArgMin().Item<long>());
        Assert.Equal(new long[] { 1, 2 }, x.ArgMax(1).ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 0 }, x.ArgMin(0).ToArray<long>());
        Assert.Equal(new long[] { 2, 1 }, x.ArgMax(-1, keepDim: true).Shape);
    }

    [Fact]
    public void Amax_and_Amin_over_several_dims()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 3, 7, 1, 5, 0, 8 }, 2, 3);
        Assert.Equal(new double[] { 7, 8 }, x.Amax(1).ToArray<double>());
        Assert.Equal(new double[] { 0 }, x.Amin(new[] { 0, 1 }, keepDim: true).ToArray<double>());
        Assert.Equal(new long[] { 1, 1 }, x.Amin(new[] { 0, 1 }, keepDim: true).Shape);
        Assert.Equal(new double[] { 3, 0, 1 }, x.Amin(0).ToArray<double>());
    }

    [Fact]
    public void TopK_largest_and_smallest()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 3, 7, 1, 5, 0, 8, 2, 6 }, 2, 4);
        var (v, i) = x.TopK(2);
        Assert.Equal(new double[] { 7, 5, 8, 6 }, v.ToArray<double>());
        Assert.Equal(new long[] { 1, 3, 1, 3 }, i.ToArray<long>());
        var (s, j) = x.TopK(1, dim: 0, largest: false);
        Assert.Equal(new double[] { 0, 7, 1, 5 }, s.ToArray<double>());
        Assert.Equal(new long[] { 1, 0, 0, 0 }, j.ToArray<long>());
        var (u, _) = x.TopK(4, sorted: true);
        Assert.Equal(new double[] { 7, 5, 3, 1, 8, 6, 2, 0 }, u.ToArray<double>());
    }

    [Fact]
    public void All_and_Any_over_all_and_a_dim()
    {
        using var scope = DisposeScope.Begin();
        var b = Tensor.From(new[] { true, false, true, true }, 2, 2);
        Assert.False(b.All().Item<bool>());
        Assert.True(b.Any().Item<bool>());
        Assert.Equal(new[] { false, true }, b.All(1).ToArray<bool>());
        Assert.Equal(new[] { true, true }, b.Any(0).ToArray<bool>());
        Assert.Equal(new long[] { 2, 1 }, b.All(1, keepDim: true).Shape);
        Assert.False(Tensor.From(new long[] { 0, 0 }).Any(0).Item<bool>());
    }

    [Fact]
    public void Max_and_TopK_over_a_bad_dim_are_TorchExceptions()
    {
        using var x = Tensor.Zeros(2, 3);
        Assert.Throws<TorchException>(() => x.Max(5));
        Assert.Throws<TorchException>(() => x.Min(-3));
        Assert.Throws<TorchException>(() => x.TopK(4, 1));
    }

    [Fact]
    public void Gradcheck_sum_over_a_dim()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Sum(1) + x[0].Sum(new[] { 0, 1 }), M());
    }

    [Fact]
    public void Gradcheck_mean()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Mean(0, keepDim: true) * x[0].Mean(), M());
    }

    [Fact]
    public void Gradcheck_var_and_std()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Var(1, keepDim: true) + x[0].Std(0) + x[0].Var(null, 0), M()); // (2, 1) + (4) → (2, 4)
    }

    [Fact]
    public void Gradcheck_max_and_min()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Max(1).Values * x[0].Min(0).Values.Sum() + x[0].Max(), M());
    }

    [Fact]
    public void Gradcheck_amax_amin()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Amax(1) - x[0].Amin(1), M());
    }

    [Fact]
    public void Gradcheck_prod()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Prod(1) + x[0].Prod(), Tensor.From(new double[] { 0.5, -1.2, 0.9, 1.1, 0.8, 0.7 }, 2, 3));
    }

    [Fact]
    public void Gradcheck_norm()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Norm(2.0, 1) + x[0].Norm(3.0), M());
    }

    [Fact]
    public void Gradcheck_logsumexp()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].LogSumExp(1), M());
    }

    [Fact]
    public void Gradcheck_cumsum()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].CumSum(1) * x[0], M());
    }

    [Fact]
    public void Gradcheck_topk_values()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].TopK(2).Values, M());
    }
}

/// <summary>Failing two-result reductions must not leave half their results behind.</summary>
[Collection(GlobalStateCollection.Name)]
public class ReduceLeakTests
{
    [Fact]
    public void Failed_max_and_topk_leave_no_native_tensor_behind()
    {
        using var x = Tensor.Zeros(2, 3);
        var before = LibTorch.SettledLiveTensors;
        Assert.Throws<TorchException>(() => x.Max(5));
        Assert.Throws<TorchException>(() => x.TopK(4, 1));
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }
}
