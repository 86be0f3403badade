using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>
/// The "into" kernels write exactly what the allocating ones return, into the caller's buffer or
/// in place, and refuse a buffer they could not write directly.
/// </summary>
public class QuantizeIntoTests
{
    private static float[] RandomValues(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(i => (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-12, 12)))).ToArray();
    }

    [Theory]
    [InlineData(Rounding.NearestEven)]
    [InlineData(Rounding.TowardZero)]
    [InlineData(Rounding.NearestAway)]
    [InlineData(Rounding.Stochastic)]
    public void Per_tensor_into_a_buffer_and_in_place_equal_the_allocating_kernel(Rounding rounding)
    {
        using var scope = DisposeScope.Begin();
        var values = RandomValues(5 * 700, 1);
        foreach (var format in new[] { NumberFormat.E4M3, NumberFormat.E5M2, NumberFormat.E2M1, NumberFormat.E3M2 })
        {
            var x = Tensor.From(values, 5, 700);
            var expected = Quantizer.QuantizeScaled(x, format, 0.25f, rounding, seed: 9).ToArray<float>();
            var buffer = Tensor.Full([5L, 700L], 7.0);
            Quantizer.QuantizeInto(x, format, buffer, rounding, seed: 9, scale: 0.25f);
            Assert.Equal(expected, buffer.ToArray<float>());
            Assert.Equal(values, x.ToArray<float>()); // the input is untouched
            Quantizer.QuantizeInto(x, format, x, rounding, seed: 9, scale: 0.25f);
            Assert.Equal(expected, x.ToArray<float>());
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Mx_into_a_buffer_and_in_place_equal_the_allocating_kernel_along_either_dimension(int dim)
    {
        using var scope = DisposeScope.Begin();
        var values = RandomValues(70 * 40, 2);
        values[5] = float.NaN; // a NaN block goes NaN in both paths
        foreach (var format in new[] { MxFormat.Mxfp4, MxFormat.Mxfp8E4M3, MxFormat.Mxint8 })
        {
            var x = Tensor.From(values, 70, 40);
            var expected = MxQuantizer.Quantize(x, format, dim, Rounding.Stochastic, seed: 3).ToArray<float>();
            var buffer = Tensor.Zeros(70, 40);
            MxQuantizer.QuantizeInto(x, format, buffer, dim, Rounding.Stochastic, seed: 3);
            Assert.Equal(expected, buffer.ToArray<float>());
            MxQuantizer.QuantizeInto(x, format, x, dim, Rounding.Stochastic, seed: 3);
            Assert.Equal(expected, x.ToArray<float>());
        }
    }

    [Fact]
    public void A_buffer_of_another_shape_type_or_layout_is_an_exception_naming_the_problem()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(RandomValues(64, 3), 8, 8);
        Assert.Contains("shape", Assert.Throws<TorchException>(() => Quantizer.QuantizeInto(x, NumberFormat.E4M3, Tensor.Zeros(64))).Message);
        Assert.Contains("float32", Assert.Throws<TorchException>(() => Quantizer.QuantizeInto(x, NumberFormat.E4M3, Tensor.From(new double[64]).Reshape(8, 8))).Message);
        Assert.Contains("contiguous", Assert.Throws<TorchException>(() => MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, Tensor.Zeros(8, 8).T())).Message);
        Assert.Contains("shape", Assert.Throws<TorchException>(() => MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, Tensor.Zeros(8, 4))).Message);
    }

    [Fact]
    public void Quantizing_into_a_buffer_creates_no_native_tensors()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(RandomValues(4096, 4), 64, 64);
        var buffer = Tensor.Zeros(64, 64);
        Quantizer.QuantizeInto(x, NumberFormat.E4M3, buffer);
        MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, buffer);
        var live = LibTorch.SettledLiveTensors;
        for (var i = 0; i < 50; i++)
        {
            Quantizer.QuantizeInto(x, NumberFormat.E4M3, buffer, Rounding.Stochastic, seed: i);
            MxQuantizer.QuantizeInto(x, MxFormat.Mxfp4, buffer, dim: 0);
        }
        Assert.Equal(live, LibTorch.SettledLiveTensors);
    }
}
