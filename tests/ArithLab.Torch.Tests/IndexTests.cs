namespace ArithLab.Torch.Tests;

// Expected values of subscripts, gather and scatter_add are hand-worked; the less obvious
// ones were checked against PyTorch 1.13 (/usr/bin/python3), as the comments say.
public class IndexTests
{
    // x[i, j] = 4i + j: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    private static Tensor Grid() => Tensor.Arange(12).Reshape(3, 4);

    private static Tensor Values(params long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var data = Enumerable.Range(0, (int)n).Select(i => 0.1 * i - 0.37 * (i % 3)).ToArray();
        return Tensor.From(data, shape);
    }

    private static Tensor Longs(params long[] values) => Tensor.From(values);

    [Fact]
    public void Integer_index_removes_the_dim_and_counts_negatives_from_the_end()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        Assert.Equal(new long[] { 4 }, x[1].Shape);
        Assert.Equal(new long[] { 4, 5, 6, 7 }, x[1].ToArray<long>());
        Assert.Equal(new long[] { 8, 9, 10, 11 }, x[-1].ToArray<long>());
        Assert.Equal(new long[] { 8, 9, 10, 11 }, x[^1].ToArray<long>());
        Assert.Equal(6L, x[1, 2].Item<long>());
        Assert.Empty(x[1, 2].Shape);
    }

    [Fact]
    public void Ranges_slice_as_python_slices()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        // x[1:, ::2] == [[4, 6], [8, 10]]
        var strided = x[1.., TensorIndex.Slice(step: 2)];
        Assert.Equal(new long[] { 2, 2 }, strided.Shape);
        Assert.Equal(new long[] { 4, 6, 8, 10 }, strided.ToArray<long>());
        // x[:, -3:-1] == [[1, 2], [5, 6], [9, 10]]
        Assert.Equal(new long[] { 1, 2, 5, 6, 9, 10 }, x[.., ^3..^1].ToArray<long>());
        Assert.Equal(new long[] { 1, 2, 5, 6, 9, 10 }, x[.., TensorIndex.Slice(-3, -1)].ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 2, 4, 5, 6, 8, 9, 10 }, x[.., ..^1].ToArray<long>());
        // Out-of-range slice bounds clamp, as in Python: x[1:10] has 2 rows, x[5:] none.
        Assert.Equal(new long[] { 2, 4 }, x[1..10].Shape);
        Assert.Equal(new long[] { 0, 4 }, x[5..].Shape);
        Assert.Equal(new long[] { 0, 4 }, x[^0..].Shape);
    }

    [Fact]
    public void Ellipsis_and_new_axis_work_as_in_python()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        Assert.Equal(new long[] { 1, 5, 9 }, x[TensorIndex.Ellipsis, 1].ToArray<long>());
        Assert.Equal(new long[] { 1, 3 }, x[TensorIndex.NewAxis, .., 0].Shape);
        Assert.Equal(new long[] { 3, 4, 1 }, x[TensorIndex.Ellipsis, TensorIndex.NewAxis].Shape);
        Assert.Equal(new long[] { 3, 1, 4 }, x[.., TensorIndex.NewAxis, ..].Shape);
        Assert.Equal(new long[] { 4, 1 }, x[1, TensorIndex.Ellipsis, TensorIndex.NewAxis].Shape);
        Assert.Equal(new long[] { 1, 3, 4 }, x[true].Shape);
        Assert.Equal(new long[] { 0, 3, 4 }, x[false].Shape);
    }

    [Fact]
    public void Tensor_indices_pick_rows_columns_and_points()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        Assert.Equal(new long[] { 8, 9, 10, 11, 0, 1, 2, 3 }, x[Longs(2, 0)].ToArray<long>());
        Assert.Equal(new long[] { 3, 1, 7, 5, 11, 9 }, x[.., Longs(3, 1)].ToArray<long>());
        // x[[0, 2], [1, 3]] pairs the indices: x[0, 1], x[2, 3].
        Assert.Equal(new long[] { 1, 11 }, x[Longs(0, 2), Longs(1, 3)].ToArray<long>());
    }

    [Fact]
    public void Bool_mask_selects_the_true_elements()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        var mask = Tensor.From(Enumerable.Range(0, 12).Select(i => i > 6).ToArray(), 3, 4);
        Assert.Equal(new long[] { 7, 8, 9, 10, 11 }, x[mask].ToArray<long>());
        var rows = Tensor.From(new[] { true, false, true });
        Assert.Equal(new long[] { 0, 1, 2, 3, 8, 9, 10, 11 }, x[rows].ToArray<long>());
        var e = Assert.Throws<TorchException>(() => x[Tensor.From(new[] { true, false })]);
        Assert.Contains("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0", e.Message);
    }

    [Fact]
    public void Index_out_of_range_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros(2, 3);
        Assert.Equal("index 5 is out of bounds for dimension 0 with size 2", Assert.Throws<TorchException>(() => x[5]).Message);
        Assert.Equal("index 7 is out of bounds for dimension 1 with size 3", Assert.Throws<TorchException>(() => x[.., 7]).Message);
        Assert.Equal("index -3 is out of bounds for dimension 0 with size 2", Assert.Throws<TorchException>(() => x[-3]).Message);
        Assert.Contains("too many indices for tensor of dimension 2", Assert.Throws<TorchException>(() => x[0, 0, 0]).Message);
        Assert.Contains("index 3 is out of bounds for dimension 0 with size 2", Assert.Throws<TorchException>(() => x[Longs(3)]).Message);
        Assert.Contains("step must be greater than zero", Assert.Throws<TorchException>(() => x[TensorIndex.Slice(step: -1)]).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => x[^0]);
    }

    [Fact]
    public void Integer_and_slice_subscripts_are_views()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros(3, 4);
        var row = x[1];
        row.IndexPut_([2], 7.0);
        Assert.Equal(7.0, x[1, 2].Item());
        x[.., ..1].IndexPut_([TensorIndex.Ellipsis], 1.0);
        Assert.Equal(new float[] { 1, 0, 0, 0, 1, 0, 7, 0, 1, 0, 0, 0 }, x.ToArray<float>());
    }

    [Fact]
    public void Assigning_through_the_indexer_writes_in_place_with_broadcasting()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros([2, 3], ScalarType.Int64);
        x[0] = Longs(1, 2, 3);
        x[.., 2] = Tensor.Full([1], 9L);
        x.IndexPut_([1, 0], 5L);
        Assert.Equal(new long[] { 1, 2, 9, 5, 0, 9 }, x.ToArray<long>());
        x.IndexPut_([Tensor.From(new[] { true, false })], -1L);
        Assert.Equal(new long[] { -1, -1, -1, 5, 0, 9 }, x.ToArray<long>());
        Assert.Contains("index 3 is out of bounds for dimension 0 with size 2", Assert.Throws<TorchException>(() => x.IndexPut_([Longs(3)], 1L)).Message);
    }

    [Fact]
    public void Select_and_slice_methods_match_subscripts()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        Assert.Equal(new long[] { 2, 6, 10 }, x.Select(1, 2).ToArray<long>());
        Assert.Equal(new long[] { 3, 7, 11 }, x.Select(-1, -1).ToArray<long>());
        Assert.Equal(new long[] { 4, 6, 8, 10 }, x.Slice(0, 1).Slice(1, step: 2).ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 4, 5, 8, 9 }, x.Slice(1, end: 2).ToArray<long>());
        Assert.Equal(new long[] { 1, 2, 5, 6, 9, 10 }, x.Slice(1, -3, -1).ToArray<long>());
        var e = Assert.Throws<TorchException>(() => x.Select(1, -5));
        Assert.Contains("select(): index -5 out of range for tensor of size [3, 4] at dimension 1", e.Message);
    }

    [Fact]
    public void Index_select_picks_entries_along_a_dim()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        Assert.Equal(new long[] { 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11 }, x.IndexSelect(0, Longs(2, 0, 2)).ToArray<long>());
        Assert.Equal(new long[] { 3, 0, 7, 4, 11, 8 }, x.IndexSelect(1, Longs(3, 0)).ToArray<long>());
        Assert.Contains("index out of range in self", Assert.Throws<TorchException>(() => x.IndexSelect(0, Longs(0, 3))).Message);
    }

    [Fact]
    public void Gather_reads_along_dim_at_the_given_positions()
    {
        using var scope = DisposeScope.Begin();
        var x = Grid();
        // out[i][j] = x[i][index[i][j]]: [[0, 0], [5, 4], [11, 10]] (checked with PyTorch).
        var index = Tensor.From(new long[] { 0, 0, 1, 0, 3, 2 }, 3, 2);
        Assert.Equal(new long[] { 0, 0, 5, 4, 11, 10 }, x.Gather(1, index).ToArray<long>());
        // dim 0: out[i][j] = x[index[i][j]][j]
        Assert.Equal(new long[] { 8, 1, 6 }, x.Gather(0, Tensor.From(new long[] { 2, 0, 1 }, 1, 3)).ToArray<long>());
        var e = Assert.Throws<TorchException>(() => x.Gather(1, Tensor.From(new long[] { 0, 4 }, 1, 2)));
        Assert.Contains("index 4 is out of bounds for dimension 1 with size 4", e.Message);
    }

    [Fact]
    public void Scatter_add_accumulates_repeated_positions_and_leaves_the_input_unchanged()
    {
        using var scope = DisposeScope.Begin();
        var target = Tensor.Zeros([3, 4], ScalarType.Int64);
        var index = Tensor.From(new long[] { 0, 0, 1, 0, 3, 3 }, 3, 2);
        var source = Tensor.From(new long[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        // out[i][index[i][j]] += source[i][j]: [[3, 0, 0, 0], [4, 3, 0, 0], [0, 0, 0, 11]] (checked with PyTorch).
        var result = target.ScatterAdd(1, index, source);
        Assert.Equal(new long[] { 3, 0, 0, 0, 4, 3, 0, 0, 0, 0, 0, 11 }, result.ToArray<long>());
        Assert.Equal(new long[12], target.ToArray<long>());
        var e = Assert.Throws<TorchException>(() => target.ScatterAdd(0, Tensor.From(new long[] { 5 }, 1, 1), Tensor.From(new long[] { 1 }, 1, 1)));
        Assert.Contains("index 5 is out of bounds for dimension 0 with size 3", e.Message);
    }

    [Fact]
    public void Masked_fill_writes_the_value_where_the_mask_is_true()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var mask = Tensor.From(new[] { true, false, true });
        Assert.Equal(new double[] { -1, 2, -1, -1, 5, -1 }, x.MaskedFill(mask, -1.0).ToArray<double>());
        Assert.Equal(new double[] { 9, 2, 9, 9, 5, 9 }, x.MaskedFill(mask, Tensor.Scalar(9.0)).ToArray<double>());
        var causal = Tensor.Ones([2, 2], ScalarType.Bool).Triu(1);
        Assert.Equal(new[] { 0f, float.NegativeInfinity, 0f, 0f },
                     Tensor.Zeros(2, 2).MaskedFill(causal, double.NegativeInfinity).ToArray<float>());
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, x.ToArray<double>());
        var e = Assert.Throws<TorchException>(() => x.MaskedFill(mask, Tensor.From(new double[] { 1, 2 })));
        Assert.Contains("only supports a 0-dimensional value tensor", e.Message);
    }

    [Fact]
    public void Where_picks_from_a_or_b_with_broadcasting()
    {
        using var scope = DisposeScope.Begin();
        var condition = Tensor.From(new[] { true, false, true });
        var a = Tensor.From(new double[] { 1, 2, 3 });
        var b = Tensor.From(new double[] { 10, 20, 30, 40, 50, 60 }, 2, 3);
        Assert.Equal(new double[] { 1, 20, 3, 1, 50, 3 }, Tensor.Where(condition, a, b).ToArray<double>());
        Assert.Equal(new double[] { 1, 0, 3 }, Tensor.Where(condition, a, 0.0).ToArray<double>());
        Assert.Equal(new double[] { -5, 2, -5 }, Tensor.Where(condition, -5.0, a).ToArray<double>());
        var ints = Tensor.From(new long[] { 1, 2, 3 });
        var picked = Tensor.Where(condition, ints, 0L);
        Assert.Equal(ScalarType.Int64, picked.DType);
        Assert.Equal(new long[] { 1, 0, 3 }, picked.ToArray<long>());
        Assert.Equal(new long[] { 7, 2, 7 }, Tensor.Where(condition, 7L, ints).ToArray<long>());
    }

    [Fact]
    public void Where_with_a_non_bool_condition_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var e = Assert.Throws<TorchException>(() => Tensor.Where(Longs(1, 0), Tensor.Zeros(2), Tensor.Ones(2)));
        Assert.Contains("where expected condition to be a boolean tensor, but got a tensor with dtype Long", e.Message);
    }

    [Fact]
    public void Where_promotes_mixed_float_dtypes_as_pytorch()
    {
        // libtorch 1.13 and later promote where's branches instead of rejecting a dtype mismatch.
        using var scope = DisposeScope.Begin();
        var result = Tensor.Where(Tensor.From(new[] { true, false }), Tensor.Ones([2], ScalarType.Float64), Tensor.Zeros(2));
        Assert.Equal(ScalarType.Float64, result.DType);
        Assert.Equal(new double[] { 1, 0 }, result.ToArray<double>());
    }

    [Fact]
    public void Gradcheck_subscripts()
    {
        GradCheck.Assert(x => x[0][1.., TensorIndex.Slice(step: 2)], Values(3, 4));
        GradCheck.Assert(x => x[0][1, TensorIndex.Ellipsis, TensorIndex.NewAxis], Values(3, 4));
        GradCheck.Assert(x => x[0][Longs(2, 0, 2)], Values(3, 4));
        GradCheck.Assert(x => x[0][Tensor.From(new[] { true, false, true })], Values(3, 4));
        GradCheck.Assert(x => x[0].Slice(1, 1, 3), Values(3, 4));
        GradCheck.Assert(x => x[0].Select(0, -1), Values(3, 4));
    }

    [Fact]
    public void Gradcheck_index_select_gather_and_scatter_add()
    {
        GradCheck.Assert(x => x[0].IndexSelect(1, Longs(3, 0, 3)), Values(3, 4));
        GradCheck.Assert(x => x[0].Gather(1, Tensor.From(new long[] { 0, 0, 1, 0, 3, 2 }, 3, 2)), Values(3, 4));
        var index = Tensor.From(new long[] { 0, 0, 1, 0, 3, 3 }, 3, 2);
        GradCheck.Assert(x => x[0].ScatterAdd(1, index, x[1]), Values(3, 4), Values(3, 2));
    }

    [Fact]
    public void Gradcheck_masked_fill_and_where()
    {
        var mask = Tensor.From(new[] { true, false, true });
        GradCheck.Assert(x => x[0].MaskedFill(mask, 2.0), Values(2, 3));
        // The value must be zero-dimensional; GradCheck rebuilds inputs from arrays, which
        // gives them one dimension, so squeeze the single value inside the function.
        GradCheck.Assert(x => x[0].MaskedFill(mask, x[1].Squeeze()), Values(2, 3), Tensor.From(new[] { 0.5 }));
        GradCheck.Assert(x => Tensor.Where(mask, x[0], x[1]), Values(2, 3), Values(3));
        GradCheck.Assert(x => Tensor.Where(mask, x[0], 1.5), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_index_put_of_a_value_tensor()
    {
        GradCheck.Assert(x =>
        {
            var y = x[0].Clone();
            y[.., 1..3] = x[1];
            return y;
        }, Values(3, 4), Values(3, 2));
    }
}
