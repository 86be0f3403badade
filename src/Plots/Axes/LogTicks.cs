namespace ArithLab.Plots;

/// <summary>Ticks on a base-10 log axis: majors at powers of ten, minors at 2–9 × 10^k.</summary>
public static class LogTicks
{
    /// <summary>Exponents k with 10^k in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IReadOnlyList<int> Decades(double min, double max)
    {
        Check(min, max);
        var lo = (int)Math.Ceiling(Math.Log10(min) - 1e-9);
        var hi = (int)Math.Floor(Math.Log10(max) + 1e-9);
        var result = new List<int>();
        for (var k = lo; k <= hi; k++)
        {
            result.Add(k);
        }
        return result;
    }

    /// <summary>The values m × 10^k (m = 2..9) in [<paramref name="min"/>, <paramref name="max"/>], ascending.</summary>
    public static IReadOnlyList<double> Minors(double min, double max)
    {
        Check(min, max);
        var lo = (int)Math.Floor(Math.Log10(min));
        var hi = (int)Math.Floor(Math.Log10(max));
        var result = new List<double>();
        for (var k = lo; k <= hi; k++)
        {
            for (var m = 2; m <= 9; m++)
            {
                var v = PowerOfTen(k) * m;
                if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12))
                {
                    result.Add(v);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// 10^k as the double nearest the decimal value: for negative k, 1 / 10^-k is exact-to-rounding
    /// where Math.Pow(10, -3) is 0.0010000000000000002 on some runtimes.
    /// </summary>
    public static double PowerOfTen(int k) => k >= 0 ? Math.Pow(10, k) : 1 / Math.Pow(10, -k);

    private static void Check(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentException($"a log axis needs 0 < min < max, got [{min}, {max}]");
        }
    }
}
