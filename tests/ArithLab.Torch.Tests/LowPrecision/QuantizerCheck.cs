using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>Runs the native quantizer on many inputs at once and compares each with the reference.</summary>
internal static class QuantizerCheck
{
    /// <summary>The 8-bit-or-narrower formats checked exhaustively, with both overflow policies where the format has a choice.</summary>
    public static IEnumerable<NumberFormat> SmallFormats()
    {
        foreach (var f in new[] { NumberFormat.E4M3, NumberFormat.E5M2, NumberFormat.E3M2, NumberFormat.E2M3, NumberFormat.E2M1, NumberFormat.Int8,
                     NumberFormat.Custom(3, 4), NumberFormat.Custom(6, 1), NumberFormat.Custom(2, 2, FormatKind.FiniteAndNaN), NumberFormat.Custom(3, 0, FormatKind.Finite) })
        {
            yield return f;
            if (f.HasNaN)
            {
                yield return f.With(Overflow.Saturate);
            }
        }
    }

    public static void AssertMatchesReference(NumberFormat format, float[] inputs, Rounding rounding)
    {
        var reference = new ReferenceFormat(format);
        using var scope = DisposeScope.Begin();
        using var q = Quantizer.Encode(Tensor.From(inputs), format, rounding);
        var values = q.Values.ToArray<float>();
        var codes = q.Codes.ToArray<int>();
        using var plain = Quantizer.Quantize(Tensor.From(inputs), format, rounding);
        var plainValues = plain.ToArray<float>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var (value, code) = reference.Round(inputs[i], rounding);
            var what = $"{format.Name} ({format.Overflow}, {rounding}) of {inputs[i]:R} (bits 0x{BitConverter.SingleToUInt32Bits(inputs[i]):X8})";
            AssertSameFloat(value, values[i], what);
            AssertSameFloat(value, plainValues[i], what + " without codes");
            Assert.True(code == codes[i], $"{what}: code 0x{codes[i]:X} where the reference says 0x{code:X}");
        }
    }

    /// <summary>Equal bit patterns, or both NaN.</summary>
    public static void AssertSameFloat(float expected, float actual, string what)
    {
        var same = float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual);
        Assert.True(same, $"{what}: got {actual:R}, the reference says {expected:R}");
    }

    /// <summary>Every grid point, the midpoints of neighbours and the float32s on either side of each (signed).</summary>
    public static float[] GridProbes(ReferenceFormat reference)
    {
        var points = reference.Grid.Select(g => g.Value).Append(reference.Beyond).ToList();
        var probes = new List<float>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i].ToFloatExact();
            probes.AddRange([p, MathF.BitIncrement(p), MathF.BitDecrement(p)]);
            if (i + 1 < points.Count)
            {
                var mid = (points[i] + points[i + 1]).Half().ToFloatExact();
                probes.AddRange([mid, MathF.BitIncrement(mid), MathF.BitDecrement(mid)]);
            }
        }
        var beyond = reference.Beyond.ToFloatExact();
        probes.AddRange([beyond * 2, 1e30f, float.MaxValue, float.Epsilon, 1e-40f, 0f,
            float.PositiveInfinity, float.NaN]);
        return probes.Where(p => p >= 0 || float.IsNaN(p)).SelectMany(p => new[] { p, -p }).ToArray();
    }
}
