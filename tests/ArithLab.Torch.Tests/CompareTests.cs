namespace ArithLab.Torch.Tests;

public class CompareTests
{
    private static Tensor D(params double[] values) => Tensor.From(values);

    [Fact]
    public void Comparisons_of_two_tensors_give_bool_tensors()
    {
        using var scope = DisposeScope.Begin();
        var a = D(1, 2, 3);
        var b = D(3, 2, 1);
        Assert.Equal(ScalarType.Bool, Tensor.Eq(a, b).DType);
        Assert.Equal(new[] { false, true, false }, Tensor.Eq(a, b).ToArray<bool>());
        Assert.Equal(new[] { true, false, true }, Tensor.Ne(a, b).ToArray<bool>());
        Assert.Equal(new[] { true, false, false }, Tensor.Lt(a, b).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, Tensor.Le(a, b).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, Tensor.Gt(a, b).ToArray<bool>());
        Assert.Equal(new[] { false, true, true }, Tensor.Ge(a, b).ToArray<bool>());
    }

    [Fact]
    public void Comparisons_with_scalars()
    {
        using var scope = DisposeScope.Begin();
        var a = D(1, 2, 3);
        var i = Tensor.From(new long[] { 1, 2, 3 });
        Assert.Equal(new[] { false, true, false }, Tensor.Eq(a, 2.0).ToArray<bool>());
        Assert.Equal(new[] { false, true, false }, Tensor.Eq(i, 2L).ToArray<bool>());
        Assert.Equal(new[] { true, false, true }, Tensor.Ne(i, 2L).ToArray<bool>());
        Assert.Equal(new[] { true, false, true }, Tensor.Ne(a, 2.0).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, Tensor.Lt(i, 2.5).ToArray<bool>());
        Assert.Equal(new[] { true, false, false }, Tensor.Lt(i, 2L).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, Tensor.Le(a, 2.0).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, Tensor.Le(i, 2L).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, Tensor.Gt(a, 2.0).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, Tensor.Gt(i, 2L).ToArray<bool>());
        Assert.Equal(new[] { false, true, true }, Tensor.Ge(a, 2.0).ToArray<bool>());
        Assert.Equal(new[] { false, true, true }, Tensor.Ge(i, 2L).ToArray<bool>());
    }

    [Fact]
    public void Comparison_broadcasts_and_rejects_mismatched_shapes()
    {
        using var scope = DisposeScope.Begin();
        var m = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);
        var col = Tensor.From(new double[] { 1, 4 }, 2, 1);
        Assert.Equal(new[] { true, false, false, true }, Tensor.Eq(m, col).ToArray<bool>());
        Assert.Throws<TorchException>(() => Tensor.Lt(m, D(1, 2, 3)));
    }

    [Fact]
    public void Logical_ops_treat_non_zero_as_true()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new long[] { 0, 0, 3, 5 });
        var b = Tensor.From(new[] { false, true, false, true });
        Assert.Equal(new[] { false, false, false, true }, Tensor.LogicalAnd(a, b).ToArray<bool>());
        Assert.Equal(new[] { false, true, true, true }, Tensor.LogicalOr(a, b).ToArray<bool>());
        Assert.Equal(new[] { false, true, true, false }, Tensor.LogicalXor(a, b).ToArray<bool>());
        Assert.Equal(new[] { true, true, false, false }, a.LogicalNot().ToArray<bool>());
        Assert.Throws<TorchException>(() => Tensor.LogicalAnd(a, Tensor.From(new[] { true, false })));
    }

    [Fact]
    public void IsNan_IsInf_IsFinite()
    {
        using var scope = DisposeScope.Begin();
        var x = D(1, double.NaN, double.PositiveInfinity, double.NegativeInfinity);
        Assert.Equal(new[] { false, true, false, false }, x.IsNan().ToArray<bool>());
        Assert.Equal(new[] { false, false, true, true }, x.IsInf().ToArray<bool>());
        Assert.Equal(new[] { true, false, false, false }, x.IsFinite().ToArray<bool>());
        Assert.Equal(new[] { true }, Tensor.From(new long[] { 5 }).IsFinite().ToArray<bool>());
    }

    [Fact]
    public void AllClose_uses_relative_and_absolute_tolerance()
    {
        using var scope = DisposeScope.Begin();
        // |a − b| ≤ atol + rtol·|b|: 1e-6 ≤ 1e-8 + 1e-5·1 holds, 1e-4 does not.
        Assert.True(Tensor.AllClose(D(1.0 + 1e-6), D(1.0)));
        Assert.False(Tensor.AllClose(D(1.0 + 1e-4), D(1.0)));
        Assert.True(Tensor.AllClose(D(1.0 + 1e-4), D(1.0), rtol: 1e-3));
        Assert.True(Tensor.AllClose(D(0.5), D(0.0), rtol: 0, atol: 0.5));
        Assert.False(Tensor.AllClose(D(double.NaN), D(double.NaN)));
        Assert.True(Tensor.AllClose(D(double.NaN), D(double.NaN), equalNan: true));
    }

    [Fact]
    public void Equal_needs_same_shape_and_exact_values()
    {
        using var scope = DisposeScope.Begin();
        Assert.True(Tensor.Equal(D(1, 2), D(1, 2)));
        Assert.False(Tensor.Equal(D(1, 2), D(1, 2 + 1e-15)));
        Assert.False(Tensor.Equal(D(1, 2), Tensor.From(new double[] { 1, 2 }, 1, 2)));
    }
}
