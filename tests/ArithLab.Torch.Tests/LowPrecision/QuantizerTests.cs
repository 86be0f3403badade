using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

[Collection(GlobalStateCollection.Name)] // one test sets LibTorch.Threads
public class QuantizerTests
{
    private static readonly Rounding[] s_deterministic = [Rounding.NearestEven, Rounding.TowardZero, Rounding.NearestAway];

    [Fact]
    public void Grid_points_midpoints_and_their_neighbours_round_as_the_reference_in_every_mode()
    {
        foreach (var f in QuantizerCheck.SmallFormats())
        {
            var probes = QuantizerCheck.GridProbes(new ReferenceFormat(f));
            foreach (var rounding in s_deterministic)
            {
                QuantizerCheck.AssertMatchesReference(f, probes, rounding);
            }
        }
    }

    [Fact]
    public void Random_float32s_round_as_the_reference_in_wide_formats_too()
    {
        var random = new Random(14);
        var inputs = Enumerable.Range(0, 4000)
            .Select(_ => (float)((random.Next(2) * 2 - 1) * Math.ScaleB(1 + random.NextDouble(), random.Next(-150, 130))))
            .ToArray();
        foreach (var f in new[] { NumberFormat.Float16, NumberFormat.BFloat16, NumberFormat.E4M3, NumberFormat.E5M2, NumberFormat.Custom(5, 7),
                     NumberFormat.Float16.With(Overflow.Saturate) })
        {
            foreach (var rounding in s_deterministic)
            {
                QuantizerCheck.AssertMatchesReference(f, inputs, rounding);
            }
        }
    }

    [Theory]
    [InlineData(464f, 448f)]          // the midpoint of 448 and 480 (the NaN code's place) ties to 448's even code
    [InlineData(463.99997f, 448f)]
    [InlineData(464.00003f, float.NaN)] // above the threshold: overflow, NaN by default (no infinities)
    [InlineData(1000f, float.NaN)]
    [InlineData(-464f, -448f)]
    public void E4M3_rounds_464_to_448_and_overflows_above(float x, float expected)
    {
        using var scope = DisposeScope.Begin();
        var got = Quantizer.Quantize(Tensor.From([x]), NumberFormat.E4M3).ToArray<float>()[0];
        QuantizerCheck.AssertSameFloat(expected, got, $"E4M3 of {x}");
        var saturated = Quantizer.Quantize(Tensor.From([x]), NumberFormat.E4M3.With(Overflow.Saturate)).ToArray<float>()[0];
        Assert.Equal(MathF.CopySign(MathF.Min(MathF.Abs(x), 448f), x), saturated);
    }

    [Fact]
    public void E5M2_overflows_to_infinity_from_the_midpoint_61440()
    {
        using var scope = DisposeScope.Begin();
        var got = Quantizer.Quantize(Tensor.From([61439.996f, 61440f, -61440f, 57344f]), NumberFormat.E5M2).ToArray<float>();
        Assert.Equal([57344f, float.PositiveInfinity, float.NegativeInfinity, 57344f], got);
    }

    [Fact]
    public void Signed_zeros_nan_and_infinity_get_each_standards_codes()
    {
        using var scope = DisposeScope.Begin();
        // NaN keeps its sign bit, as PyTorch's float8 casts do (.NET's float.NaN has it set).
        var positiveNaN = BitConverter.UInt32BitsToSingle(0x7FC00000);
        var x = Tensor.From([0f, -0f, float.PositiveInfinity, float.NegativeInfinity, positiveNaN, -positiveNaN]);
        using var e4m3 = Quantizer.Encode(x, NumberFormat.E4M3);
        Assert.Equal([0x00, 0x80, 0x7F, 0xFF, 0x7F, 0xFF], e4m3.Codes.ToArray<int>());
        using var e5m2 = Quantizer.Encode(x, NumberFormat.E5M2);
        Assert.Equal([0x00, 0x80, 0x7C, 0xFC, 0x7E, 0xFE], e5m2.Codes.ToArray<int>());
        Assert.Equal(float.NegativeInfinity, e5m2.Values.ToArray<float>()[3]);
        using var fp4 = Quantizer.Encode(x, NumberFormat.E2M1);
        Assert.Equal([0x0, 0x8, 0x7, 0xF, -1, -1], fp4.Codes.ToArray<int>());
        var fp4Values = fp4.Values.ToArray<float>();
        Assert.True(float.IsNegative(fp4Values[1]) && fp4Values[1] == 0f);
        Assert.Equal([6f, -6f], fp4Values[2..4]);
        Assert.True(float.IsNaN(fp4Values[4]));
    }

    [Fact]
    public void E4M3_subnormals_and_their_ties()
    {
        using var scope = DisposeScope.Begin();
        var s = MathF.ScaleB(1f, -9); // the smallest subnormal, code 0x01
        using var q = Quantizer.Encode(Tensor.From([s, s / 2, MathF.BitIncrement(s / 2), 1.5f * s, 2.5f * s, 7.5f * s]), NumberFormat.E4M3);
        // s/2 ties to 0 (even); 1.5s ties to 2s (code 2, even); 2.5s to 2s; 7.5s to 8s = the smallest normal 2^-6 (0x08)
        Assert.Equal([0x01, 0x00, 0x01, 0x02, 0x02, 0x08], q.Codes.ToArray<int>());
    }

    [Fact]
    public void Stochastic_rounding_lands_on_the_neighbours_with_mean_the_input()
    {
        const int draws = 40000;
        foreach (var (format, x) in new[] { (NumberFormat.E4M3, 1.3f), (NumberFormat.E2M1, -2.2f), (NumberFormat.E5M2, 0.0007f) })
        {
            var reference = new ReferenceFormat(format);
            var (lower, upper) = reference.Neighbours(Dyadic.FromFloat(MathF.Abs(x)));
            var lo = (float)reference.Grid[lower].Value.ToDouble() * MathF.Sign(x);
            var hi = (float)reference.Grid[upper].Value.ToDouble() * MathF.Sign(x);
            using var scope = DisposeScope.Begin();
            var values = Quantizer.Quantize(Tensor.From(Enumerable.Repeat(x, draws).ToArray()), format, Rounding.Stochastic, seed: 7).ToArray<float>();
            Assert.All(values, v => Assert.True(v == lo || v == hi, $"{format.Name}: {v} is neither {lo} nor {hi}"));
            var p = (x - lo) / (hi - lo); // probability of rounding to hi
            var fraction = values.Count(v => v == hi) / (double)draws;
            var sigma = Math.Sqrt(p * (1 - p) / draws);
            Assert.True(Math.Abs(fraction - p) < 5 * sigma, $"{format.Name} of {x}: rounded up {fraction:F4} of the time, expected {p:F4}");
            Assert.True(Math.Abs(values.Average(v => (double)v) - x) < 5 * sigma * Math.Abs(hi - lo), $"{format.Name}: mean far from {x}");
        }
    }

    [Fact]
    public void Stochastic_rounding_is_reproducible_from_the_seed_whatever_the_thread_count()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 100_000).Select(_ => (float)random.NextDouble() * 10).ToArray();
        using var scope = DisposeScope.Begin();
        var input = Tensor.From(x);
        var threads = LibTorch.Threads;
        try
        {
            var a = Quantizer.Quantize(input, NumberFormat.E4M3, Rounding.Stochastic, seed: 42).ToArray<float>();
            LibTorch.Threads = 1;
            var b = Quantizer.Quantize(input, NumberFormat.E4M3, Rounding.Stochastic, seed: 42).ToArray<float>();
            var c = Quantizer.Quantize(input, NumberFormat.E4M3, Rounding.Stochastic, seed: 43).ToArray<float>();
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
        }
        finally
        {
            LibTorch.Threads = threads;
        }
    }

    [Fact]
    public void Scaled_quantization_rounds_x_times_scale_and_divides_back()
    {
        var reference = new ReferenceFormat(NumberFormat.E4M3);
        var x = new[] { 0.001f, -0.0123f, 0.5f, 1e-6f };
        const float scale = 3000f;
        using var scope = DisposeScope.Begin();
        var got = Quantizer.QuantizeScaled(Tensor.From(x), NumberFormat.E4M3, scale).ToArray<float>();
        for (var i = 0; i < x.Length; i++)
        {
            // float32 steps, as documented: Q(fl(x·s)) · fl(1/s)
            var expected = reference.Round(x[i] * scale, Rounding.NearestEven).Value * (1f / scale);
            QuantizerCheck.AssertSameFloat(expected, got[i], $"scaled E4M3 of {x[i]}");
        }
    }

    [Fact]
    public void Amax_ignores_nan_and_sees_infinity()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(3f, Quantizer.Amax(Tensor.From([1f, -3f, float.NaN, 2f])));
        Assert.Equal(float.PositiveInfinity, Quantizer.Amax(Tensor.From([1f, float.NegativeInfinity])));
        Assert.Equal(0f, Quantizer.Amax(Tensor.From(Array.Empty<float>())));
    }

    [Fact]
    public void Non_float32_or_bad_formats_are_exceptions_from_the_native_guard()
    {
        using var scope = DisposeScope.Begin();
        Assert.Contains("float32", Assert.Throws<TorchException>(() => Quantizer.Quantize(Tensor.From([1.0, 2.0]), NumberFormat.E4M3)).Message);
        Assert.Contains("int32", Assert.Throws<TorchException>(() => Quantizer.Decode(Tensor.From([1f]), NumberFormat.E4M3)).Message);
        Assert.Contains("bits", Assert.Throws<TorchException>(() => Quantizer.Decode(Tensor.From([256]), NumberFormat.E4M3)).Message);
        Assert.Contains("scale", Assert.Throws<TorchException>(() => Quantizer.QuantizeScaled(Tensor.From([1f]), NumberFormat.E4M3, 0f)).Message);
        var bad = new Native.AlFormat(9, 3, 0, 0);
        var status = Native.NativeMethods.al_lowp_amax(Tensor.From([1f]).Handle, out _);
        Assert.Equal(0, status);
        unsafe
        {
            Assert.Equal(1, Native.NativeMethods.al_lowp_quantize(Tensor.From([1f]).Handle, bad, 0, 0, 1f, out _, null, null));
        }
    }
}
