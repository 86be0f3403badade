using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

public class Nvfp4QuantizerTests
{
    [Fact]
    public void Blocks_of_16_match_the_recipe_with_e4m3_block_scales_and_the_tensor_scale()
    {
        var random = new Random(16);
        // 2 rows of 40: blocks of 16, 16 and 8, block amaxes spread over many binades
        var x = Enumerable.Range(0, 80).Select(i => (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, (i / 16) * 3 - 6))).ToArray();
        using var scope = DisposeScope.Begin();
        using var q = Nvfp4Quantizer.Encode(Tensor.From(x, 2, 40));
        var sEnc = 448f * 6f / x.Max(MathF.Abs);
        Assert.Equal(1f / sEnc, q.TensorScale);
        Assert.Equal(q.Values.ToArray<float>(), Nvfp4Quantizer.Quantize(Tensor.From(x, 2, 40)).ToArray<float>()); // the vectorised path agrees
        Assert.Equal(new long[] { 2, 3 }, q.Scales!.Shape);
        var values = q.Values.ToArray<float>();
        var scales = q.Scales.ToArray<int>();
        for (var r = 0; r < 2; r++)
        {
            for (var b = 0; b < 3; b++)
            {
                var start = r * 40 + b * 16;
                var n = Math.Min(16, 40 - b * 16);
                var (code, expected) = ReferenceBlocks.Nvfp4(x[start..(start + n)], sEnc);
                Assert.Equal(code, scales[r * 3 + b]);
                for (var i = 0; i < n; i++)
                {
                    QuantizerCheck.AssertSameFloat(expected[i], values[start + i], $"NVFP4 of {x[start + i]:R}");
                }
            }
        }
    }

    [Fact]
    public void The_tensor_amax_maps_to_6_times_448()
    {
        // A block holding the tensor's amax gets block scale 448 (E4M3's max, code 0x7E) and its amax element 6 · d = amax.
        var x = Enumerable.Range(0, 16).Select(i => i / 4f).ToArray(); // amax 3.75
        using var scope = DisposeScope.Begin();
        using var q = Nvfp4Quantizer.Encode(Tensor.From(x));
        Assert.Equal([0x7E], q.Scales!.ToArray<int>());
        Assert.Equal(3.75f, q.Values.ToArray<float>()[15]);
        Assert.Equal(6, new ReferenceFormat(NumberFormat.E2M1).Decode(q.Codes.ToArray<int>()[15]).Value.ToDouble());
    }

    [Fact]
    public void Zero_tensors_quantize_to_zero()
    {
        using var scope = DisposeScope.Begin();
        using var q = Nvfp4Quantizer.Encode(Tensor.Zeros(2, 16));
        Assert.All(q.Values.ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.Equal([0, 0], q.Scales!.ToArray<int>());
        Assert.Equal(1f, q.TensorScale);
    }
}
