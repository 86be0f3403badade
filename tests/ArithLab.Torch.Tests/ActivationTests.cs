namespace ArithLab.Torch.Tests;

public class ActivationTests
{
    private static readonly double[] s_x = { -1.5, -0.3, 0.0, 0.7, 2.0 };

    private static Tensor X() => Tensor.From(s_x);

    [Fact]
    public void Tanh_sigmoid_relu_silu_match_their_formulas()
    {
        using var scope = DisposeScope.Begin();
        MathTests.AssertClose(s_x.Select(v => Math.Tanh(v)), X().Tanh());
        MathTests.AssertClose(s_x.Select(v => 1 / (1 + Math.Exp(-v))), X().Sigmoid());
        MathTests.AssertClose(s_x.Select(v => Math.Max(v, 0)), X().Relu());
        MathTests.AssertClose(s_x.Select(v => v / (1 + Math.Exp(-v))), X().Silu());
    }

    [Fact]
    public void Gelu_exact_and_tanh_match_pytorch()
    {
        using var scope = DisposeScope.Begin();
        // From PyTorch 1.13: torch.nn.functional.gelu(x) and gelu(x, approximate='tanh') in float64.
        MathTests.AssertClose(new[] { -0.10021080190328704, -0.1146265733433142, 0.0, 0.5306254434438489, 1.9544997361036416 }, X().Gelu());
        MathTests.AssertClose(new[] { -0.10042842301976707, -0.11462907645724074, 0.0, 0.5305701347051167, 1.954597694087775 },
            X().Gelu(GeluApproximation.Tanh));
        // The tanh form by its formula, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
        MathTests.AssertClose(s_x.Select(v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))),
            X().Gelu(GeluApproximation.Tanh));
    }

    [Fact]
    public void Gelu_with_an_unknown_approximation_is_a_TorchException()
    {
        using var x = X();
        Assert.Throws<TorchException>(() => x.Gelu((GeluApproximation)7));
    }

    [Fact]
    public void Softmax_rows_match_pytorch_and_sum_to_one()
    {
        using var scope = DisposeScope.Begin();
        var s = Tensor.From(new double[] { 1, 2, 3, 0.5, 0.5, -1 }, 2, 3);
        // From PyTorch 1.13: torch.softmax(s, -1).
        MathTests.AssertClose(new[] { 0.09003057317038045, 0.2447284710547976, 0.6652409557748218,
                                      0.4498162176582741, 0.4498162176582741, 0.10036756468345166 }, s.Softmax(-1));
        MathTests.AssertClose(new[] { 1.0, 1.0 }, s.Softmax(1).Sum(1));
        // log_softmax = x − log Σ exp(x); row 0: log(e + e² + e³) = 3.4076059644443806.
        MathTests.AssertClose(new[] { -2.4076059644443806, -1.4076059644443804, -0.4076059644443804,
                                      -0.7989161848417257, -0.7989161848417257, -2.2989161848417257 }, s.LogSoftmax(-1));
    }

    [Fact]
    public void Softmax_is_stable_for_large_logits()
    {
        using var scope = DisposeScope.Begin();
        var s = Tensor.From(new float[] { 1000, 1000 });
        Assert.Equal(new float[] { 0.5f, 0.5f }, s.Softmax(0).ToArray<float>());
        Assert.Equal(new[] { true, true }, s.LogSoftmax(0).IsFinite().ToArray<bool>());
    }

    [Fact]
    public void Softmax_with_dtype_accumulates_float16_logits_in_float32()
    {
        using var scope = DisposeScope.Begin();
        var h = Tensor.From(new float[] { 1, 2, 3 }).To(ScalarType.Float16);
        var p = h.Softmax(0, ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, p.DType);
        Assert.Equal(ScalarType.Float32, h.LogSoftmax(0, ScalarType.Float32).DType);
        Assert.True(Math.Abs(0.6652409557748218 - p.ToArray<float>()[2]) < 1e-6);
    }

    [Fact]
    public void Softmax_over_a_missing_dim_is_a_TorchException()
    {
        using var x = X();
        Assert.Throws<TorchException>(() => x.Softmax(3));
        Assert.Throws<TorchException>(() => x.LogSoftmax(-2));
    }

    [Fact]
    public void Gradcheck_tanh()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Tanh(), X());
    }

    [Fact]
    public void Gradcheck_sigmoid()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Sigmoid(), X());
    }

    [Fact]
    public void Gradcheck_relu_away_from_zero()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Relu(), Tensor.From(new double[] { -1.5, -0.3, 0.7, 2.0 }));
    }

    [Fact]
    public void Gradcheck_gelu_exact()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Gelu(), X());
    }

    [Fact]
    public void Gradcheck_gelu_tanh()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Gelu(GeluApproximation.Tanh), X());
    }

    [Fact]
    public void Gradcheck_silu()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Silu(), X());
    }

    [Fact]
    public void Gradcheck_softmax()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].Softmax(-1), Tensor.From(new double[] { 1, 2, 3, 0.5, 0.5, -1 }, 2, 3));
    }

    [Fact]
    public void Gradcheck_log_softmax()
    {
        using var scope = DisposeScope.Begin();
        GradCheck.Assert(x => x[0].LogSoftmax(0), Tensor.From(new double[] { 1, 2, 3, 0.5, 0.5, -1 }, 2, 3));
    }
}
