using ArithLab.Torch;

namespace ArithLab.Cuda.Tests;

public class CudaCoreTests
{
    [Fact]
    public void Every_dtype_round_trips_through_the_gpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.BFloat16,
                                      ScalarType.Int64, ScalarType.Int32, ScalarType.Int8, ScalarType.UInt8, ScalarType.Bool })
        {
            var cpu = Tensor.From(new double[] { 0, 1, 2, 3, 1, 0 }, 2, 3).To(dtype);
            var gpu = cpu.To(Cuda.Device);
            Assert.Equal(DeviceType.Cuda, gpu.Device.Type);
            Assert.Equal(dtype, gpu.DType);
            Assert.Equal(0, Cuda.MaxAbsDiff(cpu, gpu.Cpu()));
        }
    }

    [Fact]
    public void Matmul_on_the_gpu_matches_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var random = new Random(7);
        var a = Tensor.From(Enumerable.Range(0, 64 * 48).Select(_ => random.NextDouble() - 0.5).ToArray(), 64, 48);
        var b = Tensor.From(Enumerable.Range(0, 48 * 32).Select(_ => random.NextDouble() - 0.5).ToArray(), 48, 32);
        var cpu = Tensor.MatMul(a, b);
        var gpu = Tensor.MatMul(a.To(Cuda.Device), b.To(Cuda.Device));
        Assert.True(Cuda.MaxAbsDiff(cpu, gpu) < 1e-12);
    }

    [Fact]
    public void Gradients_on_the_gpu_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);
        var w = Tensor.From(new double[] { 0.5, -1, 2, 0.25 }, 2, 2);
        var xc = x.Detach().RequiresGrad_();
        Tensor.MatMul(xc, w).Sum().Backward();
        var xg = x.To(Cuda.Device).Detach().RequiresGrad_();
        Tensor.MatMul(xg, w.To(Cuda.Device)).Sum().Backward();
        Assert.Equal(DeviceType.Cuda, xg.Grad!.Device.Type);
        Assert.True(Cuda.MaxAbsDiff(xc.Grad!, xg.Grad!) < 1e-12);
    }

    [Fact]
    public void Mixing_devices_is_a_TorchException()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var a = Tensor.Zeros(2, 2);
        var b = Tensor.Zeros(new long[] { 2, 2 }, device: Cuda.Device);
        var e = Assert.Throws<TorchException>(() => Tensor.Add(a, b));
        Assert.Contains("device", e.Message);
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_gpu_steps()
    {
        Cuda.Require();
        var w = Tensor.From(new float[] { 1, 2, 3, 4 }, 2, 2).To(Cuda.Device).RequiresGrad_();
        var before = LibTorch.SettledLiveTensors;
        for (var i = 0; i < 200; i++)
        {
            using var scope = DisposeScope.Begin();
            (Tensor.MatMul(w, w) * w).Sum().Backward();
            w.ZeroGrad();
        }
        Assert.Equal(before, LibTorch.SettledLiveTensors);
        w.Dispose();
    }
}
