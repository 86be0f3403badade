using ArithLab.Torch;

namespace ArithLab.Cuda.Tests;

/// <summary>Skips a test where this libtorch sees no CUDA device.</summary>
internal static class Cuda
{
    public static Device Device => Device.Cuda(0);

    public static void Require() =>
        Assert.SkipUnless(LibTorch.CudaIsAvailable, "no CUDA device visible to this libtorch");

    /// <summary>Largest absolute difference between two tensors' values, compared on the CPU in float64.</summary>
    public static double MaxAbsDiff(Tensor a, Tensor b)
    {
        using var x = a.To(ScalarType.Float64, Device.Cpu);
        using var y = b.To(ScalarType.Float64, Device.Cpu);
        var xs = x.ToArray<double>();
        var ys = y.ToArray<double>();
        Assert.Equal(xs.Length, ys.Length);
        return xs.Zip(ys, (p, q) => Math.Abs(p - q)).DefaultIfEmpty(0).Max();
    }
}
