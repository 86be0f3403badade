using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>A fact that runs only where libtorch has float8 dtypes (PyTorch ≥ 2.1) and says why it skipped elsewhere.</summary>
public sealed class TorchFloat8FactAttribute : FactAttribute
{
    public TorchFloat8FactAttribute()
    {
        if (!Quantizer.HasTorchFloat8)
        {
            Skip = $"libtorch {LibTorch.Version} has no float8 dtypes (they need PyTorch 2.1 or later); run on a GPU box's torch";
        }
    }
}

public class Float8CrossCheckTests
{
    [TorchFloat8Fact]
    public void E4M3_and_E5M2_equal_libtorchs_float8_casts_on_every_probe()
    {
        foreach (var format in new[] { NumberFormat.E4M3, NumberFormat.E5M2 })
        {
            var probes = QuantizerCheck.GridProbes(new ReferenceFormat(format));
            var random = new Random(8);
            var inputs = probes.Concat(Enumerable.Range(0, 5000).Select(_ => (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-24, 20))))).ToArray();
            using var scope = DisposeScope.Begin();
            var x = Tensor.From(inputs);
            var ours = Quantizer.Quantize(x, format).ToArray<float>();
            var torch = Quantizer.Float8RoundTrip(x, format).ToArray<float>();
            for (var i = 0; i < inputs.Length; i++)
            {
                QuantizerCheck.AssertSameFloat(torch[i], ours[i], $"{format.Name} of {inputs[i]:R} against torch's float8");
            }
        }
    }

    [Fact]
    public void Without_float8_the_round_trip_says_which_pytorch_it_needs()
    {
        if (Quantizer.HasTorchFloat8)
        {
            return; // covered by the cross-check above
        }
        using var scope = DisposeScope.Begin();
        var error = Assert.Throws<TorchException>(() => Quantizer.Float8RoundTrip(Tensor.From([1f]), NumberFormat.E4M3));
        Assert.Contains("PyTorch 2.1", error.Message);
    }
}
