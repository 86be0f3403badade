using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Cuda.Tests;

public class CudaNnTests
{
    private static Tensor Random(Random random, params long[] shape) =>
        Tensor.From(Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(_ => random.NextDouble() * 2 - 1).ToArray(), shape);

    private sealed class Net : Module<Tensor, Tensor>
    {
        public Linear Up { get; } = new(8, 16);
        public LayerNorm Ln { get; } = new(16);
        public RmsNorm Rms { get; } = new(16);
        public Linear Down { get; } = new(16, 4);

        public override Tensor Forward(Tensor input)
        {
            using var scope = DisposeScope.Begin();
            return scope.Keep(Down.Forward(Rms.Forward(Ln.Forward(Up.Forward(input)))));
        }
    }

    [Fact]
    public void A_module_moved_to_the_gpu_keeps_its_parameter_objects_and_computes_what_the_cpu_does()
    {
        Cuda.Require();
        using var cpu = new Net();
        using var gpu = new Net();
        using var scope = DisposeScope.Begin();
        gpu.LoadStateDict(cpu.StateDict());
        var before = gpu.Parameters().ToList();
        gpu.To(ScalarType.Float64, Cuda.Device);
        cpu.To(ScalarType.Float64);
        Assert.Equal(before, gpu.Parameters().ToList());
        Assert.All(gpu.Parameters(), p => Assert.Equal(DeviceType.Cuda, p.Device.Type));

        var x = Random(new Random(1), 5, 8);
        var yCpu = cpu.Forward(x);
        var yGpu = gpu.Forward(x.To(Cuda.Device));
        Assert.True(Cuda.MaxAbsDiff(yCpu, yGpu) < 1e-10);

        yCpu.Sum().Backward();
        yGpu.Sum().Backward();
        foreach (var (c, g) in cpu.Parameters().Zip(gpu.Parameters()))
        {
            Assert.True(Cuda.MaxAbsDiff(c.Grad!, g.Grad!) < 1e-10);
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e-5)]
    [InlineData(ScalarType.Float16, 2e-3)]
    [InlineData(ScalarType.BFloat16, 2e-2)]
    public void Fused_attention_on_the_gpu_matches_the_documented_formula(ScalarType dtype, double tolerance)
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var random = new Random(2);
        var q = Random(random, 2, 4, 16, 32).To(dtype, Cuda.Device);
        var k = Random(random, 2, 4, 16, 32).To(dtype, Cuda.Device);
        var v = Random(random, 2, 4, 16, 32).To(dtype, Cuda.Device);
        foreach (var causal in new[] { false, true })
        {
            var fused = Functional.ScaledDotProductAttention(q, k, v, causal: causal);
            // The formula in float64 on the CPU.
            var q64 = q.To(ScalarType.Float64, Device.Cpu);
            var reference = Tensor.MatMul(Functional.AttentionWeights(q64, k.To(ScalarType.Float64, Device.Cpu), causal: causal),
                                          v.To(ScalarType.Float64, Device.Cpu));
            Assert.Equal(dtype, fused.DType);
            Assert.True(Cuda.MaxAbsDiff(reference, fused) < tolerance, $"causal {causal}: {Cuda.MaxAbsDiff(reference, fused)}");
        }
    }

    [Fact]
    public void Cross_entropy_with_ignore_index_and_smoothing_on_the_gpu_matches_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var logits = Random(new Random(3), 4, 5, 3);
        var targets = Tensor.From(new long[] { 0, 1, 4, -100, 2, 2, 3, 0, 1, 4, -100, 3 }, 4, 3);
        var cpu = Functional.CrossEntropy(logits, targets, labelSmoothing: 0.1);
        var gpu = Functional.CrossEntropy(logits.To(Cuda.Device), targets.To(Cuda.Device), labelSmoothing: 0.1);
        Assert.True(Cuda.MaxAbsDiff(cpu, gpu) < 1e-12);
    }

    [Fact]
    public void Initialisation_and_dropout_run_on_the_gpu()
    {
        Cuda.Require();
        using var linear = new Linear(64, 64, device: Cuda.Device);
        using var scope = DisposeScope.Begin();
        Assert.Equal(DeviceType.Cuda, linear.Weight.Device.Type);
        var w = linear.Weight.Tensor.Cpu().ToArray<float>();
        Assert.All(w, x => Assert.InRange(x, -0.125f, 0.125f));
        var dropped = Functional.Dropout(Tensor.Zeros(new long[] { 1000 }, device: Cuda.Device) + 1.0, 0.5).Cpu().ToArray<float>();
        Assert.All(dropped, x => Assert.True(x == 0 || x == 2));
        Assert.InRange(dropped.Count(x => x == 0), 400, 600);
    }
}
