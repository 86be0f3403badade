using ArithLab.Torch.Nn;

namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class NnInitTests
{
    private static double[] Values(Tensor t) => t.ToArray<float>().Select(v => (double)v).ToArray();

    private static double StdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    [Fact]
    public void Gains_follow_pytorch_calculate_gain()
    {
        Assert.Equal(1, Init.CalculateGain(Nonlinearity.Linear));
        Assert.Equal(1, Init.CalculateGain(Nonlinearity.Sigmoid));
        Assert.Equal(5.0 / 3, Init.CalculateGain(Nonlinearity.Tanh));
        Assert.Equal(Math.Sqrt(2), Init.CalculateGain(Nonlinearity.Relu));
        // √(2 / (1 + 5)) for a = √5: the gain that makes nn.Linear's bound 1/√fan_in.
        Assert.Equal(Math.Sqrt(1.0 / 3), Init.CalculateGain(Nonlinearity.LeakyRelu, Math.Sqrt(5)), 12);
        Assert.Equal(0.75, Init.CalculateGain(Nonlinearity.Selu));
    }

    [Fact]
    public void Fans_of_a_weight_multiply_in_and_out_by_the_kernel_size()
    {
        Assert.Equal((3L, 5L), Init.Fans([5, 3]));
        Assert.Equal((3L * 4 * 2, 5L * 4 * 2), Init.Fans([5, 3, 4, 2]));
        Assert.Throws<ArgumentException>(() => Init.Fans([5]));
    }

    [Fact]
    public void Xavier_uniform_stays_within_its_bound_and_has_its_spread()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var t = Tensor.Zeros(200, 100);
        Init.XavierUniform_(t, gain: 2);
        var bound = 2 * Math.Sqrt(6.0 / 300);
        var v = Values(t);
        Assert.All(v, x => Assert.InRange(x, -bound, bound));
        Assert.Equal(bound / Math.Sqrt(3), StdDev(v), 0.005);
    }

    [Fact]
    public void Kaiming_and_xavier_normal_have_their_standard_deviations()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var a = Tensor.Zeros(200, 100);
        using var b = Tensor.Zeros(200, 100);
        Init.KaimingNormal_(a, nonlinearity: Nonlinearity.Relu);
        Init.XavierNormal_(b);
        // 20000 draws: relative error of the sample deviation about 0.5%.
        Assert.Equal(Math.Sqrt(2) / Math.Sqrt(100), StdDev(Values(a)), 0.003);
        Assert.Equal(Math.Sqrt(2.0 / 300), StdDev(Values(b)), 0.002);
    }

    [Fact]
    public void Kaiming_uniform_fan_out_uses_the_output_size()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var t = Tensor.Zeros(400, 25);
        Init.KaimingUniform_(t, mode: FanMode.FanOut, nonlinearity: Nonlinearity.Relu);
        var bound = Math.Sqrt(2) * Math.Sqrt(3.0 / 400);
        var v = Values(t);
        Assert.All(v, x => Assert.InRange(x, -bound, bound));
        Assert.True(v.Max() > 0.95 * bound);
    }

    [Fact]
    public void Trunc_normal_stays_within_its_bounds_with_the_truncated_spread()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var t = Tensor.Zeros(40000);
        Init.TruncNormal_(t, mean: 0.5, std: 1, a: -0.5, b: 1.5);
        var v = Values(t);
        Assert.All(v, x => Assert.InRange(x, -0.5, 1.5));
        // A normal cut at ±1σ around its mean: mean 0.5, variance 1 − 2φ(1)/(Φ(1) − Φ(−1)) = 0.2911.
        Assert.Equal(0.5, v.Average(), 0.01);
        Assert.Equal(Math.Sqrt(0.29112), StdDev(v), 0.006);
    }

    [Fact]
    public void Trunc_normal_with_bounds_far_out_is_the_plain_normal()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var t = Tensor.Zeros(40000);
        Init.TruncNormal_(t, std: 0.02, a: -1, b: 1);
        Assert.Equal(0.02, StdDev(Values(t)), 0.0004);
    }

    [Fact]
    public void Init_writes_into_a_parameter_without_recording_gradients()
    {
        using var p = new Parameter(Tensor.Zeros(3));
        Init.Constant_(p, 2.5);
        Assert.True(p.Tensor.IsLeaf);
        Assert.Equal(new float[] { 2.5f, 2.5f, 2.5f }, p.Tensor.ToArray<float>());
        Init.Zeros_(p);
        Assert.Equal(new float[] { 0, 0, 0 }, p.Tensor.ToArray<float>());
        Init.Ones_(p);
        Assert.Equal(new float[] { 1, 1, 1 }, p.Tensor.ToArray<float>());
    }

    [Fact]
    public void Uniform_and_normal_repeat_with_the_same_seed()
    {
        using var a = Tensor.Zeros(16);
        using var b = Tensor.Zeros(16);
        LibTorch.ManualSeed(11);
        Init.Uniform_(a, -1, 1);
        Init.Normal_(a, 0, 1);
        LibTorch.ManualSeed(11);
        Init.Uniform_(b, -1, 1);
        Init.Normal_(b, 0, 1);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
    }

    [Fact]
    public void Bad_init_arguments_are_TorchExceptions()
    {
        using var t = Tensor.Zeros(4);
        Assert.Throws<TorchException>(() => Init.Normal_(t, 0, -1));
        Assert.Throws<TorchException>(() => Init.Uniform_(t, 1, 0));
        Assert.Throws<TorchException>(() => Init.TruncNormal_(t, a: 1, b: -1));
    }
}
