using ArithLab.Torch;

namespace ArithLab.Cuda.Tests;

/// <summary>Math, reductions, comparisons, bitwise ops and activations give the CPU's results on the GPU.</summary>
public class CudaMathTests
{
    private static Tensor Random(int seed, params long[] shape)
    {
        var random = new Random(seed);
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        return Tensor.From(Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray(), shape);
    }

    [Fact]
    public void Scalar_on_the_left_keeps_dtype_and_device()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var i = Tensor.From(new long[] { 4, 8 }).To(Cuda.Device);
        var r = 2L - i;
        Assert.Equal(DeviceType.Cuda, r.Device.Type);
        Assert.Equal(ScalarType.Int64, r.DType);
        Assert.Equal(new long[] { -2, -6 }, r.Cpu().ToArray<long>());
        var q = 2L / i;
        Assert.Equal(ScalarType.Float32, q.DType);
        Assert.Equal(new float[] { 0.5f, 0.25f }, q.Cpu().ToArray<float>());
        Assert.Equal(new long[] { 1, 2 }, Tensor.Div(i, 3L, RoundingMode.Floor).Cpu().ToArray<long>());
    }

    [Fact]
    public void Elementwise_and_activations_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var x = Random(1, 4, 5);
        var y = Random(2, 5);
        var g = x.To(Cuda.Device);
        var h = y.To(Cuda.Device);
        Func<Tensor, Tensor, Tensor>[] ops =
        {
            (a, b) => a * b - 1.5 / (b.Abs() + 1.0),
            (a, b) => (a.Abs() + 0.1).Pow(b).Log(),
            (a, _) => a.Exp().Sqrt().Sin() + a.Cos().Tanh(),
            (a, _) => a.Gelu() + a.Gelu(GeluApproximation.Tanh) + a.Silu() + a.Sigmoid() + a.Relu(),
            (a, _) => a.Softmax(-1) + a.LogSoftmax(0),
            (a, _) => a.Clamp(-1.0, 0.5).Round() + a.Floor() + a.Trunc(),
        };
        foreach (var op in ops)
        {
            Assert.True(Cuda.MaxAbsDiff(op(x, y), op(g, h)) < 1e-12);
        }
    }

    [Fact]
    public void Reductions_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var x = Random(3, 6, 7);
        var g = x.To(Cuda.Device);
        Func<Tensor, Tensor>[] ops =
        {
            a => a.Sum(1), a => a.Mean(new[] { 0, 1 }), a => a.Var(0), a => a.Std(1, unbiased: false),
            a => a.Norm(2.0, 1), a => a.CumSum(1), a => a.Prod(0), a => a.Amax(1), a => a.LogSumExp(0),
            a => a.Max(1).Values, a => a.TopK(3).Values,
        };
        foreach (var op in ops)
        {
            Assert.True(Cuda.MaxAbsDiff(op(x), op(g)) < 1e-12);
        }
        Assert.Equal(x.ArgMax(1).ToArray<long>(), g.ArgMax(1).Cpu().ToArray<long>());
        Assert.Equal(x.TopK(3).Indices.ToArray<long>(), g.TopK(3).Indices.Cpu().ToArray<long>());
    }

    [Fact]
    public void Comparisons_and_bitwise_ops_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var x = Random(4, 10);
        var g = x.To(Cuda.Device);
        Assert.Equal(Tensor.Gt(x, 0.0).ToArray<bool>(), Tensor.Gt(g, 0.0).Cpu().ToArray<bool>());
        Assert.True(Tensor.AllClose(x, g.Cpu()));
        var bits = x.To(ScalarType.Float32).ViewAs(ScalarType.Int32);
        var gbits = g.To(ScalarType.Float32).ViewAs(ScalarType.Int32);
        Assert.Equal(bits.ToArray<int>(), gbits.Cpu().ToArray<int>());
        Assert.Equal(Tensor.BitwiseAnd(bits, 0x7FFFFF).ToArray<int>(), Tensor.BitwiseAnd(gbits, 0x7FFFFF).Cpu().ToArray<int>());
        Assert.Equal((bits >> 23).ToArray<int>(), (gbits >> 23).Cpu().ToArray<int>());
    }

    [Fact]
    public void Bmm_on_the_gpu_matches_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var a = Random(5, 3, 4, 6);
        var b = Random(6, 3, 6, 2);
        Assert.True(Cuda.MaxAbsDiff(Tensor.Bmm(a, b), Tensor.Bmm(a.To(Cuda.Device), b.To(Cuda.Device))) < 1e-12);
    }
}
