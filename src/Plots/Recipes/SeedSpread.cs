namespace ArithLab.Plots;

/// <summary>
/// A setting measured over seeds, drawn as one solid line at the mean and, with more than one seed,
/// thin dashed lines of the same colour at the lowest and highest seed. Only the mean line enters the
/// legend (the chart's title says what the dashed lines are), so nine settings stay nine entries.
/// </summary>
public static class SeedSpread
{
    /// <param name="name">The setting; the dashed lines are "{name} lowest seed" and "{name} highest seed".</param>
    /// <param name="seeds">Seeds behind the points, shown in the mean line's legend entry.</param>
    public static void Add(LineChart chart, string name, Rgb color, IReadOnlyList<double> x,
                           IReadOnlyList<double> mean, IReadOnlyList<double> min, IReadOnlyList<double> max, int seeds)
    {
        ArgumentNullException.ThrowIfNull(chart);
        chart.Add(new LineSeries($"{name} (n={seeds})", x, mean) { Color = color, Markers = true });
        if (seeds > 1)
        {
            chart.Add(new LineSeries($"{name} lowest seed", x, min) { Color = color, Dashed = true, LineWidth = 1, InLegend = false });
            chart.Add(new LineSeries($"{name} highest seed", x, max) { Color = color, Dashed = true, LineWidth = 1, InLegend = false });
        }
    }
}
