using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

public class TensorScalingTests
{
    [Fact]
    public void Current_scaling_maps_amax_to_the_format_max()
    {
        Assert.Equal(224f, TensorScaling.ScaleFor(2f, NumberFormat.E4M3));
        Assert.Equal(112f, TensorScaling.ScaleFor(2f, NumberFormat.E4M3, margin: 1));
        Assert.Equal(128f, TensorScaling.ScaleFor(2f, NumberFormat.E4M3, powerOfTwo: true));
        Assert.Equal(57344f / 3f, TensorScaling.ScaleFor(3f, NumberFormat.E5M2));
        Assert.Equal(1f, TensorScaling.ScaleFor(0f, NumberFormat.E4M3));
        Assert.Equal(1f, TensorScaling.ScaleFor(float.NaN, NumberFormat.E4M3));
    }

    [Fact]
    public void Current_scaling_quantizes_with_the_tensors_own_amax()
    {
        var x = new[] { 0.001f, -0.02f, 0.0137f, 0.00001f };
        var reference = new ReferenceFormat(NumberFormat.E4M3);
        using var scope = DisposeScope.Begin();
        var got = TensorScaling.Quantize(Tensor.From(x), NumberFormat.E4M3, out var scale).ToArray<float>();
        Assert.Equal(448f / 0.02f, scale);
        Assert.Equal(-0.02f, got[1], 6);
        for (var i = 0; i < x.Length; i++)
        {
            QuantizerCheck.AssertSameFloat(reference.Round(x[i] * scale, Rounding.NearestEven).Value * (1f / scale), got[i], $"{x[i]}");
        }
    }

    [Fact]
    public void Delayed_scaling_uses_the_history_of_earlier_amaxes()
    {
        var d = new DelayedScaling(NumberFormat.E4M3, historyLength: 2);
        using var scope = DisposeScope.Begin();
        Assert.Equal(1f, d.Scale);
        var first = d.Quantize(Tensor.From([1000f, 1f])).ToArray<float>(); // scale 1: 1000 overflows E4M3
        Assert.True(float.IsNaN(first[0]));
        Assert.Equal(448f / 1000f, d.Scale);
        d.Quantize(Tensor.From([10f]));
        Assert.Equal([1000f, 10f], d.AmaxHistory);
        Assert.Equal(448f / 1000f, d.Scale); // max of the window
        d.Quantize(Tensor.From([20f]));       // 1000 leaves the window of 2
        Assert.Equal([10f, 20f], d.AmaxHistory);
        Assert.Equal(448f / 20f, d.Scale);
        d.Record(0f);                          // nothing to scale by: the scale stays
        Assert.Equal(448f / 20f, d.Scale);
    }

    [Fact]
    public void Delayed_scaling_most_recent_with_a_margin()
    {
        var d = new DelayedScaling(NumberFormat.E5M2, historyLength: 16, margin: 2, compute: AmaxCompute.MostRecent);
        d.Record(100f);
        d.Record(7f);
        Assert.Equal(57344f / 7f / 4f, d.Scale);
    }
}
