namespace ArithLab.Plots;

/// <summary>
/// "Nice" tick steps for linear axes: 1, 2 or 5 × 10^k, the steps a person would choose by hand
/// (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990).
/// </summary>
public static class NiceTicks
{
    private static readonly double[] Mantissas = [1, 2, 5, 10];

    /// <summary>
    /// The smallest nice step that covers [<paramref name="min"/>, <paramref name="max"/>] with at most
    /// about <paramref name="maxTicks"/> ticks, and the ticks from the multiple of the step at or below min
    /// to the one at or above max. Example: 0 to 0.97 with 6 ticks gives 0, 0.2, …, 1.
    /// </summary>
    public static NiceRange Compute(double min, double max, int maxTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"tick range must be finite, got [{min}, {max}]");
        }
        if (!(max > min))
        {
            throw new ArgumentException($"tick range needs max > min, got [{min}, {max}]");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);

        // With n ticks there are n - 1 intervals; the raw step is the smallest that fits in them.
        var raw = (max - min) / (maxTicks - 1);
        var exponent = (int)Math.Floor(Math.Log10(raw));
        while (true)
        {
            foreach (var m in Mantissas)
            {
                var step = m * LogTicks.PowerOfTen(exponent);
                var first = Math.Floor(min / step + 1e-9);
                var last = Math.Ceiling(max / step - 1e-9);
                if (last - first + 1 <= maxTicks)
                {
                    return Build(first, last, m, exponent);
                }
            }
            exponent++;
        }
    }

    /// <summary>Number of decimals a step of 1, 2 or 5 × 10^exponent needs in its labels.</summary>
    public static int Decimals(double step)
    {
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive and finite");
        }
        // The 1e-9 absorbs log10 landing a hair below an integer (log10(0.001) = -2.9999999999999996).
        var exponent = (int)Math.Floor(Math.Log10(step) + 1e-9);
        return Math.Max(0, -exponent);
    }

    private static NiceRange Build(double first, double last, double mantissa, int exponent)
    {
        // first and last are already counted in units of this step; only its spelling changes.
        if (mantissa == 10)
        {
            mantissa = 1;
            exponent++;
        }
        var step = mantissa * LogTicks.PowerOfTen(exponent);
        var decimals = Math.Max(0, -exponent);
        var ticks = new List<double>();
        for (var k = first; k <= last; k++)
        {
            ticks.Add(Round(k * step, decimals));
        }
        return new NiceRange(ticks[0], ticks[^1], step, ticks);
    }

    // Math.Round takes at most 15 decimals; beyond that the value is already as exact as a double gets.
    private static double Round(double value, int decimals) =>
        decimals <= 15 ? Math.Round(value, decimals) : value;
}
