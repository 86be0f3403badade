using System.Globalization;
using ScottPlot.TickGenerators;

namespace ArithLab.Plots.Rendering;

/// <summary>
/// Ticks of a log10 axis, whose coordinates ScottPlot holds as exponents (it has no log scale of its
/// own): labels at each decade written as the value (0.01, 0.1, 1, 10), minor ticks at 2–9 × 10^k.
/// Across less than two decades, 2 × 10^k and 5 × 10^k are labelled too, so a narrow loss range
/// still reads.
/// </summary>
internal static class LogTicks
{
    public static NumericManual For(double lowExponent, double highExponent)
    {
        var ticks = new NumericManual();
        var first = (int)Math.Floor(lowExponent);
        var last = (int)Math.Ceiling(highExponent);
        var labelTwoAndFive = highExponent - lowExponent < 2;
        for (var k = first; k <= last; k++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var value = m * Math.Pow(10, k);
                var position = Math.Log10(value);
                if (position < lowExponent - 1e-9 || position > highExponent + 1e-9)
                {
                    continue;
                }
                if (m == 1 || labelTwoAndFive && m is 2 or 5)
                {
                    ticks.AddMajor(position, Label(value));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }
        return ticks;
    }

    /// <summary>0.001 … 100000 as decimals; beyond, 1e-7 or 2e+06.</summary>
    public static string Label(double value) =>
        value is >= 1e-4 and < 1e6
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : value.ToString("0e+0", CultureInfo.InvariantCulture);
}
