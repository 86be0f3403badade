namespace ArithLab.Torch.Tests;

public class CreateTests
{
    [Fact]
    public void Ones_and_zeros_have_the_asked_shape_dtype_and_values()
    {
        using var scope = DisposeScope.Begin();
        var ones = Tensor.Ones([2, 3], ScalarType.Float64);
        Assert.Equal(new long[] { 2, 3 }, ones.Shape);
        Assert.Equal(ScalarType.Float64, ones.DType);
        Assert.Equal(Enumerable.Repeat(1.0, 6), ones.ToArray<double>());
        var zeros = Tensor.Zeros([4], ScalarType.Int32);
        Assert.Equal(new int[4], zeros.ToArray<int>());
        Assert.Equal(ScalarType.Float32, Tensor.Ones(2, 2).DType);
    }

    [Fact]
    public void Empty_has_the_asked_shape_and_dtype()
    {
        using var t = Tensor.Empty([3, 0, 2], ScalarType.Int64);
        Assert.Equal(new long[] { 3, 0, 2 }, t.Shape);
        Assert.Equal(ScalarType.Int64, t.DType);
        Assert.Equal(0, t.NumEl);
    }

    [Fact]
    public void Full_infers_dtype_from_the_value_as_pytorch()
    {
        // torch.full((2,), 1.5).dtype == float32, torch.full((2,), 3).dtype == int64,
        // torch.full((2,), True).dtype == bool (PyTorch 1.13).
        using var scope = DisposeScope.Begin();
        var real = Tensor.Full([2], 1.5);
        var integer = Tensor.Full([2], 3L);
        var boolean = Tensor.Full([2], true);
        Assert.Equal(ScalarType.Float32, real.DType);
        Assert.Equal(new float[] { 1.5f, 1.5f }, real.ToArray<float>());
        Assert.Equal(ScalarType.Int64, integer.DType);
        Assert.Equal(new long[] { 3, 3 }, integer.ToArray<long>());
        Assert.Equal(ScalarType.Bool, boolean.DType);
        Assert.Equal(new[] { true, true }, boolean.ToArray<bool>());
        Assert.Equal(new double[] { 7, 7, 7 }, Tensor.Full([3], 7L, ScalarType.Float64).ToArray<double>());
    }

    [Fact]
    public void Arange_over_integers_is_int64_and_excludes_the_end()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Arange(5);
        Assert.Equal(ScalarType.Int64, a.DType);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, a.ToArray<long>());
        Assert.Equal(new long[] { 2, 5, 8 }, Tensor.Arange(2, 10, 3).ToArray<long>());
        Assert.Equal(new long[] { 5, 3, 1 }, Tensor.Arange(5, 0, -2).ToArray<long>());
    }

    [Fact]
    public void Arange_over_reals_is_float32_unless_a_dtype_is_given()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Arange(0.0, 1.0, 0.25);
        Assert.Equal(ScalarType.Float32, a.DType);
        Assert.Equal(new float[] { 0, 0.25f, 0.5f, 0.75f }, a.ToArray<float>());
        var b = Tensor.Arange(0, 3, dtype: ScalarType.Float64);
        Assert.Equal(new double[] { 0, 1, 2 }, b.ToArray<double>());
        Assert.Equal(ScalarType.Float32, Tensor.Arange(3.0).DType);
    }

    [Fact]
    public void Arange_with_zero_step_is_a_TorchException()
    {
        var e = Assert.Throws<TorchException>(() => Tensor.Arange(0, 5, 0));
        Assert.Contains("step must be nonzero", e.Message);
    }

    [Fact]
    public void Linspace_includes_both_ends()
    {
        using var t = Tensor.Linspace(0, 1, 5, ScalarType.Float64);
        Assert.Equal(new double[] { 0, 0.25, 0.5, 0.75, 1 }, t.ToArray<double>());
        var e = Assert.Throws<TorchException>(() => Tensor.Linspace(0, 1, -1));
        Assert.Contains("number of steps must be non-negative", e.Message);
    }

    [Fact]
    public void Eye_puts_ones_on_the_diagonal_of_square_and_wide_matrices()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, Tensor.Eye(3).ToArray<float>());
        var wide = Tensor.Eye(2, 3, ScalarType.Int64);
        Assert.Equal(new long[] { 2, 3 }, wide.Shape);
        Assert.Equal(new long[] { 1, 0, 0, 0, 1, 0 }, wide.ToArray<long>());
        Assert.Contains("n must be greater or equal to 0", Assert.Throws<TorchException>(() => Tensor.Eye(-1)).Message);
    }

    [Fact]
    public void Like_factories_copy_shape_and_dtype_unless_a_dtype_is_given()
    {
        using var scope = DisposeScope.Begin();
        var source = Tensor.From(new long[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var zeros = Tensor.ZerosLike(source);
        Assert.Equal(new long[] { 2, 3 }, zeros.Shape);
        Assert.Equal(ScalarType.Int64, zeros.DType);
        Assert.Equal(new long[6], zeros.ToArray<long>());
        var ones = Tensor.OnesLike(source, ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, ones.DType);
        Assert.Equal(Enumerable.Repeat(1.0, 6), ones.ToArray<double>());
        // full_like keeps an integer dtype and truncates a real value into it, as PyTorch.
        Assert.Equal(Enumerable.Repeat(2L, 6), Tensor.FullLike(source, 2.7).ToArray<long>());
        Assert.Equal(Enumerable.Repeat(2.5f, 6), Tensor.FullLike(source, 2.5, ScalarType.Float32).ToArray<float>());
        Assert.Equal(Enumerable.Repeat(-4L, 6), Tensor.FullLike(source, -4L).ToArray<long>());
    }

    [Fact]
    public void Negative_size_is_a_TorchException()
    {
        var e = Assert.Throws<TorchException>(() => Tensor.Zeros(-1));
        Assert.Contains("negative dimension -1", e.Message);
    }

    [Fact]
    public void Conversions_change_the_dtype_and_keep_the_values()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1.75, -2.25, 0 });
        Assert.Equal(ScalarType.Float32, x.Float().DType);
        Assert.Equal(new float[] { 1.75f, -2.25f, 0 }, x.Float().ToArray<float>());
        Assert.Equal(new long[] { 1, -2, 0 }, x.Long().ToArray<long>());
        Assert.Equal(new int[] { 1, -2, 0 }, x.Int().ToArray<int>());
        Assert.Equal(new[] { true, true, false }, x.Bool().ToArray<bool>());
        Assert.Equal(ScalarType.Float64, x.Float().Double().DType);
        Assert.Equal(new[] { (Half)1.75, (Half)(-2.25), (Half)0 }, x.Half().ToArray<Half>());
        // bfloat16 keeps the top 16 bits of the float32 pattern; 1.75f = 0x3FE00000.
        Assert.Equal((ushort)0x3FE0, x.BFloat16().ToArray<ushort>()[0]);
    }
}
