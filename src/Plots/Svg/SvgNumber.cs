using System.Globalization;

namespace ArithLab.Plots.Svg;

/// <summary>Coordinates in SVG: invariant culture, at most two decimals (a hundredth of a pixel is invisible).</summary>
internal static class SvgNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "an SVG coordinate must be finite");
        }
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        // Avoid "-0", which is valid but looks like a bug to whoever reads the file.
        if (rounded == 0)
        {
            return "0";
        }
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
