using ArithLab.Torch;
using ArithLab.Torch.Optim;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Cuda.Tests;

/// <summary>Optimizers, clipping and safetensors on the GPU agree with the CPU.</summary>
public class CudaOptimTests
{
    private static readonly double[] s_initial = { 0.5, -0.25, 0.125, 1.0, -1.5, 0.75 };

    private static double[] Gradient(int step) =>
        s_initial.Select((v, i) => Math.Sin(step * 1.3 + i) * (i % 2 == 0 ? 2 : 0.5)).ToArray();

    /// <summary>Runs five steps (clipping at step 2) of the optimizer on <paramref name="device"/>; returns the final parameters on the CPU.</summary>
    private static Tensor Run(Device device, Func<Tensor, Optimizer> create, List<double> norms)
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(s_initial, 2, 3).To(ScalarType.Float32, device).Detach().RequiresGrad_();
        using var optimizer = create(p);
        for (var step = 0; step < 5; step++)
        {
            using var inner = DisposeScope.Begin();
            p.Grad = Tensor.From(Gradient(step), 2, 3).To(ScalarType.Float32, device);
            if (step == 2)
            {
                norms.Add(GradClip.ClipGradNorm(new[] { p }, 0.5));
            }
            optimizer.Step();
        }
        return scope.Keep(p.Detach().Cpu());
    }

    [Fact]
    public void AdamW_on_the_gpu_matches_the_cpu()
    {
        Cuda.Require();
        var cpuNorms = new List<double>();
        var gpuNorms = new List<double>();
        using var cpu = Run(Device.Cpu, p => new AdamW(new[] { p }, learningRate: 0.1, weightDecay: 0.1), cpuNorms);
        using var gpu = Run(Cuda.Device, p => new AdamW(new[] { p }, learningRate: 0.1, weightDecay: 0.1), gpuNorms);
        Assert.True(Cuda.MaxAbsDiff(cpu, gpu) < 1e-5, $"max difference {Cuda.MaxAbsDiff(cpu, gpu)}");
        Assert.Equal(cpuNorms[0], gpuNorms[0], 5);
        // The step must have moved the weights, or the comparison proves nothing.
        using var initial = Tensor.From(s_initial, 2, 3);
        Assert.True(Cuda.MaxAbsDiff(cpu, initial) > 0.1);
    }

    [Fact]
    public void Nesterov_sgd_on_the_gpu_matches_the_cpu()
    {
        Cuda.Require();
        using var cpu = Run(Device.Cpu, p => new Sgd(new[] { p }, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true), new List<double>());
        using var gpu = Run(Cuda.Device, p => new Sgd(new[] { p }, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true), new List<double>());
        Assert.True(Cuda.MaxAbsDiff(cpu, gpu) < 1e-5, $"max difference {Cuda.MaxAbsDiff(cpu, gpu)}");
    }

    [Fact]
    public void Optimizer_state_saved_on_the_cpu_loads_onto_gpu_parameters()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var p = Tensor.From(new float[] { 1, 2 }).RequiresGrad_();
        using var cpuOptimizer = new AdamW(new[] { p });
        p.Grad = Tensor.From(new float[] { 1, -1 });
        cpuOptimizer.Step();

        var q = p.Detach().To(Cuda.Device).Detach().RequiresGrad_();
        using var gpuOptimizer = new AdamW(new[] { q });
        gpuOptimizer.LoadStateDict(cpuOptimizer.StateDict());
        var state = gpuOptimizer.StateDict();
        Assert.Equal(DeviceType.Cuda, state["state.0.exp_avg"].Device.Type);
        Assert.Equal(DeviceType.Cpu, state["state.0.step"].Device.Type);

        p.Grad = Tensor.From(new float[] { 0.5f, 0.5f });
        q.Grad = Tensor.From(new float[] { 0.5f, 0.5f }).To(Cuda.Device);
        cpuOptimizer.Step();
        gpuOptimizer.Step();
        Assert.True(Cuda.MaxAbsDiff(p, q) < 1e-6);
    }

    [Fact]
    public void Safetensors_saves_gpu_tensors_and_loads_them_on_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var path = Path.Combine(Path.GetTempPath(), $"arithlab-cuda-{Guid.NewGuid():N}.safetensors");
        try
        {
            var bf16 = Tensor.From(new float[] { 1, -2, 0.5f }).To(ScalarType.BFloat16, Cuda.Device);
            var i64 = Tensor.From(new long[] { 3, -4 }).To(Cuda.Device);
            SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["bf16"] = bf16, ["i64"] = i64 });
            using var content = SafetensorsFile.Load(path);
            Assert.Equal(new ushort[] { 0x3F80, 0xC000, 0x3F00 }, content.Tensors["bf16"].ToArray<ushort>());
            Assert.Equal(new long[] { 3, -4 }, content.Tensors["i64"].ToArray<long>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
