namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class RandomTests
{
    // Expected values computed once with PyTorch 1.13 (/usr/bin/python3):
    //   torch.manual_seed(0); torch.randn(3)
    //   g = torch.Generator().manual_seed(42); torch.randn(4, generator=g)   (and rand, randint)
    // libtorch's CPU generator is the same mt19937 engine, so C# must draw the same numbers.

    [Fact]
    public void Global_seed_zero_gives_pytorchs_randn()
    {
        LibTorch.ManualSeed(0);
        using var t = Tensor.Randn(3);
        var expected = new[] { 1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f };
        Assert.Equal(expected, t.ToArray<float>());
    }

    [Fact]
    public void Global_seed_zero_gives_pytorchs_float64_randn()
    {
        LibTorch.ManualSeed(0);
        using var t = Tensor.Randn([3], ScalarType.Float64);
        var expected = new[] { 1.5409961082440433, -0.2934289057609464, -2.1787893820745574 };
        var actual = t.ToArray<double>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-15);
        }
    }

    [Fact]
    public void Generator_seed_42_gives_pytorchs_randn_rand_and_randint()
    {
        using var scope = DisposeScope.Begin();
        using var g = new Generator(42);
        Assert.Equal(new[] { 0.33669036626815796f, 0.12880940735340118f, 0.23446236550807953f, 0.23033303022384644f },
                     Tensor.Randn([4], generator: g).ToArray<float>());
        g.ManualSeed(42);
        Assert.Equal(new[] { 0.8822692632675171f, 0.9150039553642273f, 0.38286375999450684f, 0.9593056440353394f },
                     Tensor.Rand([4], generator: g).ToArray<float>());
        g.ManualSeed(42);
        Assert.Equal(new long[] { 2, 7, 6, 4, 6, 5, 0, 4 }, Tensor.RandInt(0, 10, [8], generator: g).ToArray<long>());
    }

    [Fact]
    public void Same_seed_gives_the_same_numbers_and_the_sequence_moves_on()
    {
        using var scope = DisposeScope.Begin();
        using var a = new Generator(7);
        using var b = new Generator(7);
        var first = Tensor.Randn([16], generator: a).ToArray<float>();
        Assert.Equal(first, Tensor.Randn([16], generator: b).ToArray<float>());
        Assert.NotEqual(first, Tensor.Randn([16], generator: a).ToArray<float>());
    }

    [Fact]
    public void Generator_is_independent_of_the_global_seed()
    {
        using var scope = DisposeScope.Begin();
        using var g = new Generator(5);
        LibTorch.ManualSeed(1);
        var x = Tensor.Rand([8], generator: g).ToArray<float>();
        g.ManualSeed(5);
        LibTorch.ManualSeed(2);
        _ = Tensor.Rand(100); // draws from the global generator must not disturb g
        Assert.Equal(x, Tensor.Rand([8], generator: g).ToArray<float>());
    }

    [Fact]
    public void Generator_reports_its_seed_and_device()
    {
        using var g = new Generator(123);
        Assert.Equal(123, g.InitialSeed);
        Assert.Equal(DeviceType.Cpu, g.Device.Type);
        g.ManualSeed(9);
        Assert.Equal(9, g.InitialSeed);
    }

    [Fact]
    public void Disposed_generator_cannot_be_used()
    {
        var g = new Generator(1);
        g.Dispose();
        Assert.True(g.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => Tensor.Randn([2], generator: g));
    }

    [Fact]
    public void Rand_stays_in_the_unit_interval_and_randint_in_its_range()
    {
        using var scope = DisposeScope.Begin();
        using var g = new Generator(3);
        var u = Tensor.Rand([10000], ScalarType.Float64, generator: g).ToArray<double>();
        Assert.All(u, v => Assert.True(v >= 0 && v < 1, $"{v} outside [0, 1)"));
        Assert.InRange(u.Average(), 0.48, 0.52);
        var k = Tensor.RandInt(-3, 4, [10000], generator: g).ToArray<long>();
        Assert.All(k, v => Assert.InRange(v, -3, 3));
        Assert.Equal(7, k.Distinct().Count());
    }

    [Fact]
    public void Randn_has_unit_variance()
    {
        using var scope = DisposeScope.Begin();
        using var g = new Generator(11);
        var z = Tensor.Randn([20000], ScalarType.Float64, generator: g).ToArray<double>();
        var mean = z.Average();
        var variance = z.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.96, 1.04);
    }

    [Fact]
    public void Randint_with_empty_range_is_a_TorchException()
    {
        var e = Assert.Throws<TorchException>(() => Tensor.RandInt(5, 5, [3]));
        Assert.Contains("expects 'from' to be less than 'to'", e.Message);
    }

    [Fact]
    public void Cpu_generator_cannot_fill_a_cuda_tensor()
    {
        using var g = new Generator(1);
        var e = Assert.Throws<TorchException>(() => Tensor.Randn([2], device: Device.Cuda(0), generator: g));
        Assert.Contains("generator on cpu cannot fill a tensor on cuda", e.Message);
    }

    [Fact]
    public void Cuda_generator_seeds_reproducibly_when_a_gpu_is_present()
    {
        if (!LibTorch.CudaIsAvailable)
        {
            // Without CUDA, asking for a CUDA generator must be a clear error, not a crash.
            var e = Assert.Throws<TorchException>(() => new Generator(1, Device.Cuda(0)));
            Assert.Contains("CUDA", e.Message);
            return;
        }
        using var scope = DisposeScope.Begin();
        using var a = new Generator(1, Device.Cuda(0));
        using var b = new Generator(1, Device.Cuda(0));
        Assert.Equal(DeviceType.Cuda, a.Device.Type);
        var x = Tensor.Randn([64], device: Device.Cuda(0), generator: a);
        var y = Tensor.Randn([64], device: Device.Cuda(0), generator: b);
        Assert.Equal(x.ToArray<float>(), y.ToArray<float>());
        a.ManualSeed(1);
        Assert.Equal(x.ToArray<float>(), Tensor.Randn([64], device: Device.Cuda(0), generator: a).ToArray<float>());
    }
}
