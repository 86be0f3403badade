using ArithLab.Torch;

namespace ArithLab.Cuda.Tests;

// Creation, shapes, indexing and generators on the GPU, checked against the CPU results
// (which the CPU test project checks against hand-worked and PyTorch values).
public class CudaShapesTests
{
    [Fact]
    public void Factories_make_tensors_on_the_asked_device()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        foreach (var t in new[]
        {
            Tensor.Ones([2, 3], device: Cuda.Device), Tensor.Full([2], 3L, device: Cuda.Device),
            Tensor.Arange(0, 5, device: Cuda.Device), Tensor.Eye(3, device: Cuda.Device),
            Tensor.Linspace(0, 1, 5, device: Cuda.Device), Tensor.Randn([4], device: Cuda.Device),
            Tensor.RandInt(0, 5, [4], device: Cuda.Device),
        })
        {
            Assert.Equal(DeviceType.Cuda, t.Device.Type);
        }
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, Tensor.Arange(0, 5, device: Cuda.Device).ToArray<long>());
        Assert.Equal(DeviceType.Cuda, Tensor.ZerosLike(Tensor.Ones([2], device: Cuda.Device)).Device.Type);
    }

    [Fact]
    public void Cuda_generator_repeats_its_sequence_after_reseeding()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        using var a = new Generator(7, Cuda.Device);
        using var b = new Generator(7, Cuda.Device);
        Assert.Equal(DeviceType.Cuda, a.Device.Type);
        Assert.Equal(7, a.InitialSeed);
        var first = Tensor.Randn([256], device: Cuda.Device, generator: a).ToArray<float>();
        Assert.Equal(first, Tensor.Randn([256], device: Cuda.Device, generator: b).ToArray<float>());
        Assert.NotEqual(first, Tensor.Randn([256], device: Cuda.Device, generator: a).ToArray<float>());
        a.ManualSeed(7);
        Assert.Equal(first, Tensor.Randn([256], device: Cuda.Device, generator: a).ToArray<float>());
        var k = Tensor.RandInt(-2, 3, [1000], device: Cuda.Device, generator: a).ToArray<long>();
        Assert.All(k, v => Assert.InRange(v, -2, 2));
    }

    [Fact]
    public void Generator_and_tensor_must_share_a_device_type()
    {
        Cuda.Require();
        using var cuda = new Generator(1, Cuda.Device);
        using var cpu = new Generator(1);
        Assert.Contains("cannot fill a tensor on cpu", Assert.Throws<TorchException>(() => Tensor.Rand([2], generator: cuda)).Message);
        Assert.Contains("cannot fill a tensor on cuda", Assert.Throws<TorchException>(() => Tensor.Rand([2], device: Cuda.Device, generator: cpu)).Message);
    }

    [Fact]
    public void Shape_and_index_ops_on_the_gpu_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var x = Tensor.Arange(0.0, 24.0, dtype: ScalarType.Float64).Reshape(2, 3, 4);
        var g = x.To(Cuda.Device);
        var mask = Tensor.From(new[] { true, false, true, false });
        var index = Tensor.From(new long[] { 2, 0, 2 });
        var cases = new (Func<Tensor, Tensor> Op, string Name)[]
        {
            (t => t.Permute(2, 0, 1).Contiguous(), "permute"),
            (t => t.Transpose(0, 2).Reshape(-1), "transpose+reshape"),
            (t => Tensor.Cat([t, t.Flip(0)], dim: 1), "cat+flip"),
            (t => Tensor.Stack(t.Split(1, dim: 2), dim: 0), "split+stack"),
            (t => t[1, 1.., TensorIndex.Slice(step: 2)], "subscript"),
            (t => t[TensorIndex.Ellipsis, index.To(t.Device)], "tensor index"),
            (t => t.IndexSelect(1, index.To(t.Device)), "index_select"),
            (t => t.Gather(2, Tensor.From(new long[] { 3, 0, 1 }, 1, 1, 3).To(t.Device).Expand(2, 3, 3)), "gather"),
            (t => t.MaskedFill(mask.To(t.Device), -1.0), "masked_fill"),
            (t => Tensor.Where(mask.To(t.Device), t, 0.5), "where"),
            (t => t.Tril(-1).Triu(-2).Repeat(1, 2, 1), "tril+triu+repeat"),
        };
        foreach (var (op, name) in cases)
        {
            var onCpu = op(x);
            var onGpu = op(g);
            Assert.True(onGpu.Device.Type == DeviceType.Cuda, name);
            Assert.Equal(onCpu.Shape, onGpu.Shape);
            Assert.True(Cuda.MaxAbsDiff(onCpu, onGpu) == 0, name);
        }
    }

    [Fact]
    public void Scatter_add_and_index_put_on_the_gpu_match_the_cpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        var index = Tensor.From(new long[] { 0, 0, 1, 0, 3, 3 }, 3, 2);
        var source = Tensor.From(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        var cpu = Tensor.Zeros([3, 4], ScalarType.Float64).ScatterAdd(1, index, source);
        var gpu = Tensor.Zeros([3, 4], ScalarType.Float64, Cuda.Device).ScatterAdd(1, index.To(Cuda.Device), source.To(Cuda.Device));
        Assert.Equal(0, Cuda.MaxAbsDiff(cpu, gpu));
        var y = Tensor.Zeros([2, 3], device: Cuda.Device);
        y[0] = Tensor.From(new float[] { 1, 2, 3 }).To(Cuda.Device);
        y.IndexPut_([TensorIndex.Slice(), 2], 9.0); // in a collection expression ".." would be a spread
        Assert.Equal(new float[] { 1, 2, 9, 0, 0, 9 }, y.ToArray<float>());
        Assert.Contains("out of bounds", Assert.Throws<TorchException>(() => y[5]).Message);
    }
}
