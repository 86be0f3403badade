namespace ArithLab.Torch.Tests;

public class ShapeTests
{
    // [[0, 1, 2], [3, 4, 5]]
    private static Tensor Matrix2x3() => Tensor.Arange(0.0, 6.0, dtype: ScalarType.Float64).Reshape(2, 3);

    // Distinct non-integer values for gradient checks.
    private static Tensor Values(params long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var data = Enumerable.Range(0, (int)n).Select(i => 0.1 * i - 0.37 * (i % 3)).ToArray();
        return Tensor.From(data, shape);
    }

    [Fact]
    public void View_and_reshape_keep_row_major_order()
    {
        using var scope = DisposeScope.Begin();
        var x = Matrix2x3();
        var v = x.View(3, 2);
        Assert.Equal(new long[] { 3, 2 }, v.Shape);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, v.ToArray<double>());
        Assert.Equal(new long[] { 6 }, x.View(-1).Shape);
        Assert.Equal(new long[] { 1, 6, 1 }, x.Reshape(1, -1, 1).Shape);
    }

    [Fact]
    public void View_shares_storage_with_its_input()
    {
        using var scope = DisposeScope.Begin();
        var x = Matrix2x3();
        var flat = x.View(6);
        flat.IndexPut_([4], 40.0);
        Assert.Equal(40.0, x[1, 1].Item());
    }

    [Fact]
    public void View_with_wrong_element_count_is_a_TorchException()
    {
        using var x = Tensor.Zeros(2, 3);
        var e = Assert.Throws<TorchException>(() => x.View(4, 2));
        Assert.Equal("shape '[4, 2]' is invalid for input of size 6", e.Message);
    }

    [Fact]
    public void View_of_a_transpose_fails_but_reshape_copies()
    {
        using var scope = DisposeScope.Begin();
        var t = Matrix2x3().T();
        var e = Assert.Throws<TorchException>(() => t.View(6));
        Assert.Contains("view size is not compatible with input tensor's size and stride", e.Message);
        Assert.Equal(new double[] { 0, 3, 1, 4, 2, 5 }, t.Reshape(6).ToArray<double>());
    }

    [Fact]
    public void Transpose_and_t_swap_rows_and_columns()
    {
        using var scope = DisposeScope.Begin();
        var x = Matrix2x3();
        var t = x.Transpose(0, 1);
        Assert.Equal(new long[] { 3, 2 }, t.Shape);
        Assert.Equal(new double[] { 0, 3, 1, 4, 2, 5 }, t.ToArray<double>());
        Assert.Equal(t.ToArray<double>(), x.T().ToArray<double>());
        Assert.Equal(new double[] { 0, 3, 1, 4, 2, 5 }, x.Transpose(-1, -2).ToArray<double>());
    }

    [Fact]
    public void Transpose_with_dim_out_of_range_is_a_TorchException()
    {
        using var x = Tensor.Zeros(2, 3);
        var e = Assert.Throws<TorchException>(() => x.Transpose(0, 2));
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.Message);
    }

    [Fact]
    public void T_of_a_3d_tensor_is_a_TorchException()
    {
        using var x = Tensor.Zeros(2, 3, 4);
        Assert.Contains("t() expects a tensor with <= 2 dimensions, but self is 3D", Assert.Throws<TorchException>(() => x.T()).Message);
    }

    [Fact]
    public void Permute_moves_element_i_j_k_to_the_permuted_position()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Arange(24).Reshape(2, 3, 4); // x[i, j, k] = 12i + 4j + k
        var p = x.Permute(2, 0, 1);                 // p[k, i, j] = x[i, j, k]
        Assert.Equal(new long[] { 4, 2, 3 }, p.Shape);
        var expected = new List<long>();
        for (var k = 0; k < 4; k++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    expected.Add(12 * i + 4 * j + k);
                }
            }
        }
        Assert.Equal(expected, p.ToArray<long>());
        Assert.False(p.IsContiguous);
        Assert.True(p.Contiguous().IsContiguous);
        Assert.Equal(expected, p.Contiguous().ToArray<long>());
    }

    [Fact]
    public void Permute_with_repeated_dim_is_a_TorchException()
    {
        using var x = Tensor.Zeros(2, 3);
        Assert.Contains("duplicate dims are not allowed", Assert.Throws<TorchException>(() => x.Permute(0, 0)).Message);
    }

    [Fact]
    public void Squeeze_removes_size_one_dims_and_unsqueeze_adds_them()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros(1, 3, 1);
        Assert.Equal(new long[] { 3 }, x.Squeeze().Shape);
        Assert.Equal(new long[] { 3, 1 }, x.Squeeze(0).Shape);
        Assert.Equal(new long[] { 1, 3 }, x.Squeeze(-1).Shape);
        Assert.Equal(new long[] { 1, 3, 1 }, x.Squeeze(1).Shape); // size 3: unchanged
        var y = Tensor.Zeros(2, 3);
        Assert.Equal(new long[] { 1, 2, 3 }, y.Unsqueeze(0).Shape);
        Assert.Equal(new long[] { 2, 3, 1 }, y.Unsqueeze(-1).Shape);
        Assert.Equal(new long[] { 2, 1, 3 }, y.Unsqueeze(1).Shape);
        Assert.Contains("Dimension out of range", Assert.Throws<TorchException>(() => y.Unsqueeze(3)).Message);
    }

    [Fact]
    public void Expand_repeats_size_one_dims_without_copying()
    {
        using var scope = DisposeScope.Begin();
        var column = Tensor.From(new double[] { 1, 2 }, 2, 1);
        var e = column.Expand(2, 3);
        Assert.Equal(new double[] { 1, 1, 1, 2, 2, 2 }, e.ToArray<double>());
        Assert.Equal(e.ToArray<double>(), column.Expand(-1, 3).ToArray<double>());
        Assert.Equal(new long[] { 4, 2, 3 }, column.Expand(4, 2, 3).Shape);
        Assert.False(e.IsContiguous);
        Assert.Equal(new long[] { 2, 5 }, column.ExpandAs(Tensor.Zeros(2, 5)).Shape);
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros(2, 3).Expand(3, 3));
        Assert.Contains("The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0", error.Message);
    }

    [Fact]
    public void Flatten_merges_the_given_dims()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Zeros(2, 3, 4);
        Assert.Equal(new long[] { 24 }, x.Flatten().Shape);
        Assert.Equal(new long[] { 2, 12 }, x.Flatten(1).Shape);
        Assert.Equal(new long[] { 6, 4 }, x.Flatten(0, 1).Shape);
        Assert.Contains("start_dim cannot come after end_dim", Assert.Throws<TorchException>(() => x.Flatten(1, 0)).Message);
    }

    [Fact]
    public void Cat_joins_along_an_existing_dim()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);
        var rows = Tensor.Cat([a, Tensor.From(new double[] { 5, 6 }, 1, 2)]);
        Assert.Equal(new long[] { 3, 2 }, rows.Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, rows.ToArray<double>());
        var columns = Tensor.Cat([a, Tensor.From(new double[] { 7, 8 }, 2, 1)], dim: 1);
        Assert.Equal(new double[] { 1, 2, 7, 3, 4, 8 }, columns.ToArray<double>());
        Assert.Equal(new double[] { 1, 2, 7, 3, 4, 8 }, Tensor.Cat([a, Tensor.From(new double[] { 7, 8 }, 2, 1)], dim: -1).ToArray<double>());
    }

    [Fact]
    public void Cat_with_mismatched_shapes_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var e = Assert.Throws<TorchException>(() => Tensor.Cat([Tensor.Zeros(2, 3), Tensor.Zeros(2, 4)]));
        Assert.Equal("Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.", e.Message);
        Assert.Contains("expected a non-empty list of Tensors", Assert.Throws<TorchException>(() => Tensor.Cat(Array.Empty<Tensor>())).Message);
    }

    [Fact]
    public void Stack_joins_along_a_new_dim()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new long[] { 1, 2 });
        var b = Tensor.From(new long[] { 3, 4 });
        var s0 = Tensor.Stack([a, b]);
        Assert.Equal(new long[] { 2, 2 }, s0.Shape);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, s0.ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 2, 4 }, Tensor.Stack([a, b], dim: 1).ToArray<long>());
        var e = Assert.Throws<TorchException>(() => Tensor.Stack([a, Tensor.Zeros(3)]));
        Assert.Contains("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1", e.Message);
    }

    [Fact]
    public void Split_by_size_leaves_a_smaller_last_piece()
    {
        using var scope = DisposeScope.Begin();
        var pieces = Tensor.Arange(5).Split(2);
        Assert.Equal(3, pieces.Length);
        Assert.Equal(new long[] { 0, 1 }, pieces[0].ToArray<long>());
        Assert.Equal(new long[] { 2, 3 }, pieces[1].ToArray<long>());
        Assert.Equal(new long[] { 4 }, pieces[2].ToArray<long>());
        var columns = Matrix2x3().Split(2, dim: 1);
        Assert.Equal(new long[] { 2, 2 }, columns[0].Shape);
        Assert.Equal(new double[] { 2, 5 }, columns[1].ToArray<double>());
    }

    [Fact]
    public void Split_by_sizes_gives_pieces_of_those_sizes()
    {
        using var scope = DisposeScope.Begin();
        var pieces = Tensor.Arange(6).Split([1, 3, 2]);
        Assert.Equal(new long[] { 0 }, pieces[0].ToArray<long>());
        Assert.Equal(new long[] { 1, 2, 3 }, pieces[1].ToArray<long>());
        Assert.Equal(new long[] { 4, 5 }, pieces[2].ToArray<long>());
        var e = Assert.Throws<TorchException>(() => Tensor.Zeros(2, 3).Split([1, 2]));
        Assert.Contains("split_with_sizes expects split_sizes to sum exactly to 2", e.Message);
    }

    [Fact]
    public void Split_results_are_owned_by_the_caller()
    {
        using var x = Tensor.Arange(10);
        var before = LibTorch.SettledLiveTensors;
        var pieces = x.Split(3);
        Assert.Equal(before + 4, LibTorch.SettledLiveTensors);
        foreach (var p in pieces)
        {
            p.Dispose();
        }
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }

    [Fact]
    public void Chunk_may_return_fewer_chunks_than_asked_as_pytorch()
    {
        using var scope = DisposeScope.Begin();
        // torch.arange(6).chunk(4): chunk size ceil(6/4) = 2, so only 3 chunks.
        var chunks = Tensor.Arange(6).Chunk(4);
        Assert.Equal(3, chunks.Length);
        Assert.Equal(new long[] { 4, 5 }, chunks[2].ToArray<long>());
        var five = Tensor.Arange(5).Chunk(3);
        Assert.Equal(new[] { 2L, 2L, 1L }, five.Select(c => c.NumEl));
        Assert.Contains("chunk expects `chunks` to be greater than 0", Assert.Throws<TorchException>(() => Tensor.Arange(5).Chunk(0)).Message);
    }

    [Fact]
    public void Narrow_takes_length_elements_from_start()
    {
        using var scope = DisposeScope.Begin();
        var n = Matrix2x3().Narrow(1, 1, 2);
        Assert.Equal(new double[] { 1, 2, 4, 5 }, n.ToArray<double>());
        Assert.Equal(new double[] { 3, 4, 5 }, Matrix2x3().Narrow(0, -1, 1).ToArray<double>());
        var e = Assert.Throws<TorchException>(() => Matrix2x3().Narrow(1, 2, 2));
        Assert.Contains("start (2) + length (2) exceeds dimension size (3).", e.Message);
    }

    [Fact]
    public void Repeat_tiles_the_tensor()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new long[] { 1, 2 });
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2 }, x.Repeat(3).ToArray<long>());
        var tiled = x.Repeat(2, 2);
        Assert.Equal(new long[] { 2, 4 }, tiled.Shape);
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2, 1, 2 }, tiled.ToArray<long>());
        var e = Assert.Throws<TorchException>(() => Tensor.Zeros(2, 3).Repeat(2));
        Assert.Contains("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor", e.Message);
    }

    [Fact]
    public void Flip_reverses_the_given_dims()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new double[] { 2, 1, 0, 5, 4, 3 }, Matrix2x3().Flip(1).ToArray<double>());
        Assert.Equal(new double[] { 3, 4, 5, 0, 1, 2 }, Matrix2x3().Flip(0).ToArray<double>());
        Assert.Equal(new double[] { 5, 4, 3, 2, 1, 0 }, Matrix2x3().Flip(0, 1).ToArray<double>());
    }

    [Fact]
    public void Tril_and_triu_keep_the_triangles_around_a_diagonal()
    {
        using var scope = DisposeScope.Begin();
        var ones = Tensor.Ones(3, 3);
        Assert.Equal(new float[] { 1, 0, 0, 1, 1, 0, 1, 1, 1 }, ones.Tril().ToArray<float>());
        Assert.Equal(new float[] { 0, 0, 0, 1, 0, 0, 1, 1, 0 }, ones.Tril(-1).ToArray<float>());
        Assert.Equal(new float[] { 1, 1, 0, 1, 1, 1, 1, 1, 1 }, ones.Tril(1).ToArray<float>());
        Assert.Equal(new float[] { 1, 1, 1, 0, 1, 1, 0, 0, 1 }, ones.Triu().ToArray<float>());
        Assert.Equal(new float[] { 0, 1, 1, 0, 0, 1, 0, 0, 0 }, ones.Triu(1).ToArray<float>());
        // Batched: the triangle applies to the last two dims of every matrix.
        Assert.Equal(new float[] { 1, 0, 1, 1, 1, 0, 1, 1 }, Tensor.Ones(2, 2, 2).Tril().ToArray<float>());
    }

    [Fact]
    public void Gradcheck_view_and_reshape()
    {
        GradCheck.Assert(x => x[0].View(3, 2), Values(2, 3));
        GradCheck.Assert(x => x[0].T().Reshape(6), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_permute_transpose_and_t()
    {
        GradCheck.Assert(x => x[0].Permute(2, 0, 1), Values(2, 3, 2));
        GradCheck.Assert(x => x[0].Transpose(0, 2), Values(2, 3, 2));
        GradCheck.Assert(x => x[0].T(), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_squeeze_unsqueeze_flatten_and_contiguous()
    {
        GradCheck.Assert(x => x[0].Squeeze().Unsqueeze(0), Values(3, 1, 2));
        GradCheck.Assert(x => x[0].Squeeze(1), Values(3, 1, 2));
        GradCheck.Assert(x => x[0].Transpose(0, 1).Contiguous().Flatten(), Values(3, 2));
    }

    [Fact]
    public void Gradcheck_expand_sums_over_the_repeats()
    {
        GradCheck.Assert(x => x[0].Expand(3, 2, 4), Values(2, 1));
        GradCheck.Assert(x => x[0].ExpandAs(x[1]), Values(1, 3), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_cat_and_stack()
    {
        GradCheck.Assert(x => Tensor.Cat([x[0], x[1]], dim: 1), Values(2, 2), Values(2, 3));
        GradCheck.Assert(x => Tensor.Stack([x[0], x[1]], dim: 1), Values(2, 3), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_split_and_chunk()
    {
        // Rejoining the pieces in reverse order routes each piece's gradient back to its slice.
        GradCheck.Assert(x => Tensor.Cat(x[0].Split(2, dim: 1).Reverse().ToArray(), dim: 1), Values(2, 5));
        GradCheck.Assert(x => Tensor.Cat(x[0].Split([1, 3], dim: 0).Reverse().ToArray()), Values(4, 2));
        GradCheck.Assert(x => Tensor.Cat(x[0].Chunk(3, dim: 0).Reverse().ToArray()), Values(5, 2));
    }

    [Fact]
    public void Gradcheck_narrow_repeat_and_flip()
    {
        GradCheck.Assert(x => x[0].Narrow(1, 1, 2), Values(2, 4));
        GradCheck.Assert(x => x[0].Repeat(2, 3), Values(2, 2));
        GradCheck.Assert(x => x[0].Flip(0, 1), Values(2, 3));
    }

    [Fact]
    public void Gradcheck_tril_and_triu()
    {
        GradCheck.Assert(x => x[0].Tril(), Values(3, 3));
        GradCheck.Assert(x => x[0].Triu(1), Values(3, 4));
    }
}
