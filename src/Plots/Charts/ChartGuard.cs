namespace ArithLab.Plots;

/// <summary>Guard clauses shared by the chart types.</summary>
internal static class ChartGuard
{
    public static void Size(double width, double height)
    {
        if (!(width >= 100) || !(height >= 100) || !double.IsFinite(width) || !double.IsFinite(height))
        {
            throw new ArgumentException($"chart size must be at least 100 × 100 pixels and finite, got {width} × {height}");
        }
    }

    public static void SameLength<TA, TB>(string series, IReadOnlyList<TA> a, string aName, IReadOnlyList<TB> b, string bName)
    {
        ArgumentNullException.ThrowIfNull(a, aName);
        ArgumentNullException.ThrowIfNull(b, bName);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"series '{series}': {aName} has {a.Count} values but {bName} has {b.Count}");
        }
    }

    /// <summary>"3 values ≤ 0 skipped on the log y axis" or nothing.</summary>
    public static string? LogSkipNote(AxisOptions axis, string name, IEnumerable<double> values)
    {
        if (axis.Scale != AxisScale.Log10)
        {
            return null;
        }
        var skipped = values.Count(v => double.IsFinite(v) && v <= 0);
        return skipped == 0 ? null : $"{skipped} value{(skipped == 1 ? "" : "s")} ≤ 0 skipped on the log {name} axis";
    }
}
