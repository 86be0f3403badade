using System.Globalization;

namespace ArithLab.Plots;

/// <summary>Ready-made cell text formats for <see cref="HeatmapOptions.CellText"/>.</summary>
public static class CellText
{
    /// <summary>A fraction as a whole percent: 0.973 → "97".</summary>
    public static Func<double, string> Percent { get; } =
        v => (v * 100).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Fixed decimals: <c>Decimals(2)</c> writes 0.5 as "0.50".</summary>
    public static Func<double, string> Decimals(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return v => v.ToString(format, CultureInfo.InvariantCulture);
    }
}
