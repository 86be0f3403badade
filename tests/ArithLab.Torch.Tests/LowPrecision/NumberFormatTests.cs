using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

public class NumberFormatTests
{
    [Theory]
    // format, bias, max finite, min normal, min subnormal: OCP 8-bit FP spec table 1, OCP MX v1.0 §5.3, IEEE 754.
    [InlineData("e4m3", 7, 448.0, 0.015625, 0.001953125)]
    [InlineData("e5m2", 15, 57344.0, 6.103515625e-05, 1.52587890625e-05)]
    [InlineData("e3m2", 3, 28.0, 0.25, 0.0625)]
    [InlineData("e2m3", 1, 7.5, 1.0, 0.125)]
    [InlineData("e2m1", 1, 6.0, 1.0, 0.5)]
    [InlineData("fp16", 15, 65504.0, 6.103515625e-05, 5.9604644775390625e-08)]
    [InlineData("bf16", 127, 3.3895313892515355e38, 1.1754943508222875e-38, 9.183549615799121e-41)]
    public void Presets_have_the_standards_bias_and_range(string name, int bias, double max, double minNormal, double minSubnormal)
    {
        var f = NumberFormat.Parse(name);
        Assert.Equal(bias, f.Bias);
        Assert.Equal(max, f.MaxFinite);
        Assert.Equal(minNormal, f.MinNormal);
        Assert.Equal(minSubnormal, f.MinSubnormal);
        if (f.Bits <= 8)
        {
            Assert.Equal(max, new ReferenceFormat(f).Max.ToDouble());
        }
    }

    [Fact]
    public void Specials_follow_each_standard()
    {
        Assert.False(NumberFormat.E4M3.HasInfinity);
        Assert.True(NumberFormat.E4M3.HasNaN);
        Assert.True(NumberFormat.E5M2.HasInfinity);
        Assert.False(NumberFormat.E2M1.HasNaN);
        Assert.Equal(127.0 / 64, NumberFormat.Int8.MaxFinite);
        Assert.Equal(Overflow.InfOrNaN, NumberFormat.E4M3.Overflow);
        Assert.Equal(Overflow.Saturate, NumberFormat.E2M1.Overflow);
    }

    [Fact]
    public void E2M1_grid_is_the_eight_fp4_values()
    {
        var grid = new ReferenceFormat(NumberFormat.E2M1).Grid.Select(g => g.Value.ToDouble()).ToArray();
        Assert.Equal([0, 0.5, 1, 1.5, 2, 3, 4, 6], grid);
        using var scope = DisposeScope.Begin();
        var decoded = Quantizer.Decode(Tensor.From(Enumerable.Range(0, 8).ToArray()), NumberFormat.E2M1).ToArray<float>();
        Assert.Equal([0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 6f], decoded);
    }

    [Fact]
    public void Every_code_of_every_small_format_decodes_as_its_definition_says()
    {
        foreach (var f in QuantizerCheck.SmallFormats())
        {
            var reference = new ReferenceFormat(f);
            using var scope = DisposeScope.Begin();
            var codes = Enumerable.Range(0, reference.CodeCount).ToArray();
            var native = Quantizer.Decode(Tensor.From(codes), f).ToArray<float>();
            foreach (var c in codes)
            {
                QuantizerCheck.AssertSameFloat(reference.DecodeFloat(c), native[c], $"{f.Name} code 0x{c:X2}");
            }
        }
    }

    [Fact]
    public void Every_code_of_every_small_format_round_trips()
    {
        foreach (var f in QuantizerCheck.SmallFormats())
        {
            var reference = new ReferenceFormat(f);
            using var scope = DisposeScope.Begin();
            var codes = Enumerable.Range(0, reference.CodeCount).ToArray();
            var decoded = codes.Select(reference.DecodeFloat).ToArray();
            using var q = Quantizer.Encode(Tensor.From(decoded), f);
            var values = q.Values.ToArray<float>();
            var back = q.Codes.ToArray<int>();
            // INT8's 0x80 (−2) lies outside the symmetric ±127/64 that MX INT8 quantizes onto (as microxcaling clamps).
            // Under Saturate an Inf code comes back as ±max (checked with the other boundaries in QuantizerTests).
            foreach (var c in codes.Where(c => !(f.Kind == FormatKind.Integer && c == 0x80)
                         && !(f.Overflow == Overflow.Saturate && float.IsInfinity(decoded[c]))))
            {
                QuantizerCheck.AssertSameFloat(decoded[c], values[c], $"{f.Name} value of code 0x{c:X2}");
                var negative = f.Kind == FormatKind.Integer ? c >= 128 : (c & reference.SignBit) != 0;
                var expected = float.IsNaN(decoded[c]) ? reference.NaNCode(negative) : c;
                Assert.True(expected == back[c], $"{f.Name}: code 0x{c:X2} came back as 0x{back[c]:X2}");
            }
        }
    }

    [Fact]
    public void Parse_knows_presets_aliases_and_any_exmy()
    {
        Assert.Same(NumberFormat.E4M3, NumberFormat.Parse("fp8-e4m3"));
        Assert.Same(NumberFormat.E2M1, NumberFormat.Parse("FP4"));
        var custom = NumberFormat.Parse("e3m4");
        Assert.Equal((3, 4, FormatKind.Ieee), (custom.ExponentBits, custom.MantissaBits, custom.Kind));
        var error = Assert.Throws<ArgumentException>(() => NumberFormat.Parse("e9m9x"));
        Assert.Contains("e4m3", error.Message);
    }

    [Fact]
    public void Impossible_formats_are_refused_with_the_reason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Custom(9, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Custom(4, 24));
        Assert.Contains("Saturate", Assert.Throws<ArgumentException>(() => NumberFormat.E2M1.With(Overflow.InfOrNaN)).Message);
        Assert.Contains("Ieee", Assert.Throws<ArgumentException>(() => NumberFormat.Custom(8, 3, FormatKind.FiniteAndNaN)).Message);
    }
}
