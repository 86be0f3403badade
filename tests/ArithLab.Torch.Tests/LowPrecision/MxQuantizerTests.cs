using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

public class MxQuantizerTests
{
    private static void AssertBlocksMatch(MxFormat format, float[] values, int rows, int length)
    {
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.From(values, rows, length), format);
        var got = q.Values.ToArray<float>();
        var scales = q.Scales!.ToArray<int>();
        // The vectorised path without codes gives the same values.
        Assert.Equal(got, MxQuantizer.Quantize(Tensor.From(values, rows, length), format).ToArray<float>());
        var blocks = (length + format.BlockSize - 1) / format.BlockSize;
        Assert.Equal(new long[] { rows, blocks }, q.Scales.Shape);
        for (var r = 0; r < rows; r++)
        {
            for (var b = 0; b < blocks; b++)
            {
                var start = r * length + b * format.BlockSize;
                var n = Math.Min(format.BlockSize, length - b * format.BlockSize);
                var (scale, expected) = ReferenceBlocks.Mx(format, values[start..(start + n)]);
                Assert.True(scale == scales[r * blocks + b], $"{format.Name} row {r} block {b}: scale code {scales[r * blocks + b]}, reference {scale}");
                for (var i = 0; i < n; i++)
                {
                    QuantizerCheck.AssertSameFloat(expected[i], got[start + i], $"{format.Name} of {values[start + i]:R}");
                }
            }
        }
    }

    [Fact]
    public void Random_blocks_match_the_spec_recipe_for_every_mx_format()
    {
        var random = new Random(5);
        // 3 rows of 70: two full blocks of 32 and a partial one of 6, with magnitudes over many binades
        var values = Enumerable.Range(0, 3 * 70)
            .Select(i => (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-20, 20) / (1 + i % 3))))
            .ToArray();
        foreach (var format in MxFormat.Presets)
        {
            AssertBlocksMatch(format, values, 3, 70);
            AssertBlocksMatch(format.WithBlockSize(8), values, 3, 70);
        }
    }

    [Fact]
    public void An_all_zero_block_gets_the_smallest_scale()
    {
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.Zeros(32), MxFormat.Mxfp4);
        Assert.Equal([0], q.Scales!.ToArray<int>());
        Assert.Equal(Math.ScaleB(1.0, -127), MxFormat.ScaleValue(0));
        Assert.All(q.Values.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void One_huge_outlier_sets_the_scale_and_flushes_the_small_values()
    {
        var block = Enumerable.Range(0, 32).Select(i => 1f + i / 32f).ToArray();
        block[5] = 1e30f; // floor(log2 1e30) = 99
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.From(block), MxFormat.Mxfp8E4M3);
        Assert.Equal([99 - 8 + 127], q.Scales!.ToArray<int>());
        var values = q.Values.ToArray<float>();
        Assert.All(values.Where((_, i) => i != 5), v => Assert.Equal(0f, v));
        AssertBlocksMatch(MxFormat.Mxfp8E4M3, block, 1, 32);
    }

    [Theory]
    [InlineData("mxfp4", 2)]
    [InlineData("mxfp6-e2m3", 2)]
    [InlineData("mxfp6-e3m2", 4)]
    [InlineData("mxfp8-e5m2", 15)]
    [InlineData("mxint8", 0)]
    public void Amax_exactly_a_power_of_two_maps_to_the_elements_top_binade(string name, int emaxElem)
    {
        var format = MxFormat.Parse(name);
        Assert.Equal(emaxElem, format.ElementMaxExponent);
        var block = Enumerable.Range(0, 32).Select(i => (i % 2 == 0 ? 1 : -1) * (i + 1) / 4f).ToArray();
        block[31] = -16f; // amax 2^4: scale 2^(4 − emax_elem), and amax lands on 2^emax_elem exactly
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.From(block), format);
        Assert.Equal([4 - emaxElem + 127], q.Scales!.ToArray<int>());
        Assert.Equal(-16f, q.Values.ToArray<float>()[31]);
        AssertBlocksMatch(format, block, 1, 32);
    }

    [Fact]
    public void Blocks_run_along_the_chosen_dimension()
    {
        var random = new Random(9);
        var x = Enumerable.Range(0, 64 * 3).Select(_ => (float)random.NextDouble() * 100 - 50).ToArray();
        using var scope = DisposeScope.Begin();
        var t = Tensor.From(x, 64, 3);
        using var alongRows = MxQuantizer.Encode(t, MxFormat.Mxfp4, dim: 0);
        Assert.Equal(new long[] { 2, 3 }, alongRows.Scales!.Shape);
        using var transposed = MxQuantizer.Encode(t.T().Contiguous(), MxFormat.Mxfp4, dim: 1);
        Assert.Equal(transposed.Values.T().Contiguous().ToArray<float>(), alongRows.Values.ToArray<float>());
    }

    [Fact]
    public void A_block_with_inf_or_nan_gets_the_nan_scale()
    {
        var block = Enumerable.Repeat(1f, 32).ToArray();
        block[3] = float.PositiveInfinity;
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.From(block), MxFormat.Mxfp6E3M2);
        Assert.Equal([255], q.Scales!.ToArray<int>());
        Assert.All(q.Values.ToArray<float>(), v => Assert.True(float.IsNaN(v)));
        Assert.True(double.IsNaN(MxFormat.ScaleValue(255)));
    }

    [Fact]
    public void Tiny_blocks_clamp_the_scale_to_e8m0s_smallest()
    {
        var block = new[] { MathF.ScaleB(1f, -140), MathF.ScaleB(1f, -130) };
        using var scope = DisposeScope.Begin();
        using var q = MxQuantizer.Encode(Tensor.From(block), MxFormat.Mxint8);
        Assert.Equal([0], q.Scales!.ToArray<int>());
        AssertBlocksMatch(MxFormat.Mxint8, block, 1, 2);
    }

    [Fact]
    public void Stochastic_mx_rounding_keeps_the_mean()
    {
        var block = Enumerable.Repeat(2.5f, 31).Append(6f).ToArray(); // scale 1: 2.5 between FP4's 2 and 3
        var x = Enumerable.Range(0, 2000).SelectMany(_ => block).ToArray();
        using var scope = DisposeScope.Begin();
        var values = MxQuantizer.Quantize(Tensor.From(x), MxFormat.Mxfp4, rounding: Rounding.Stochastic, seed: 1).ToArray<float>();
        var mean = values.Where((_, i) => i % 32 != 31).Average(v => (double)v);
        Assert.InRange(mean, 2.5 - 0.02, 2.5 + 0.02);
    }
}
