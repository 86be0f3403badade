using ArithLab.Torch.LowPrecision;

namespace ArithLab.Cli;

/// <summary>
/// A format named on the command line: an element format (e4m3, fp4, e3m4, …), an OCP MX block
/// format (mxfp8, mxfp4, …) or nvfp4. Exactly one of the three is set.
/// </summary>
internal sealed record PrecisionFormatName(NumberFormat? Element, MxFormat? Mx, bool Nvfp4)
{
    public const string Known = "e4m3, e5m2, e3m2, e2m3, e2m1 (fp4), bf16, fp16, int8, any eXmY; mxfp8, mxfp8-e5m2, mxfp6, mxfp6-e2m3, mxfp4, mxint8; nvfp4";

    public static PrecisionFormatName Parse(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key == "nvfp4")
        {
            return new PrecisionFormatName(null, null, true);
        }
        if (key.StartsWith("mx", StringComparison.Ordinal))
        {
            try
            {
                return new PrecisionFormatName(null, MxFormat.Parse(key), false);
            }
            catch (ArgumentException e)
            {
                throw new CommandLineException(e.Message);
            }
        }
        try
        {
            return new PrecisionFormatName(NumberFormat.Parse(key), null, false);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CommandLineException($"format '{name}': {e.Message}");
        }
        catch (ArgumentException)
        {
            throw new CommandLineException($"unknown format '{name}'; known: {Known}");
        }
    }

    /// <summary>The format each value is rounded onto (the element format of a block format).</summary>
    public NumberFormat ElementFormat => Element ?? Mx?.Element ?? Nvfp4Quantizer.Element;

    public string Name => Element?.Name ?? Mx?.Name ?? "nvfp4";
}
