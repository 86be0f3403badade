using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>The OCP MX and NVFP4 block recipes, written out with the exact reference formats.</summary>
internal static class ReferenceBlocks
{
    /// <summary>One MX block: the E8M0 scale code and the values (OCP MX v1.0 §6.3).</summary>
    public static (int ScaleCode, float[] Values) Mx(MxFormat format, float[] block)
    {
        if (block.Any(x => !float.IsFinite(x)))
        {
            return (255, block.Select(_ => float.NaN).ToArray());
        }
        var element = new ReferenceFormat(format.Element);
        var amax = block.Select(x => Dyadic.FromFloat(x).Abs()).Max();
        var emaxElem = element.Max.FloorLog2();
        var shared = amax.Sign == 0 ? -127 : Math.Clamp(amax.FloorLog2() - emaxElem, -127, 127);
        var values = block.Select(x =>
        {
            var scaled = Dyadic.FromFloat(x).Abs() * Dyadic.Pow2(-shared);
            var (v, _) = element.Round(scaled, float.IsNegative(x), Rounding.NearestEven);
            return v == 0 ? v : (Dyadic.FromFloat(v) * Dyadic.Pow2(shared)).ToFloatExact(); // keeps −0
        }).ToArray();
        return (shared + 127, values);
    }

    /// <summary>One NVFP4 block under encode scale S_enc: the E4M3 scale code and the values, in the documented float32 steps.</summary>
    public static (int ScaleCode, float[] Values) Nvfp4(float[] block, float sEnc)
    {
        var e4m3 = new ReferenceFormat(Nvfp4Quantizer.ScaleFormat);
        var e2m1 = new ReferenceFormat(NumberFormat.E2M1);
        var amax = block.Max(MathF.Abs);
        var (b, code) = e4m3.Round(amax / 6f * sEnc, Rounding.NearestEven);
        var encode = sEnc / b;
        var decode = b * (1f / sEnc);
        var values = block.Select(x => b == 0 ? 0f : e2m1.Round(x * encode, Rounding.NearestEven).Value * decode).ToArray();
        return (code, values);
    }
}
