namespace ArithLab.Plots;

/// <summary>
/// Length generalization as curves: exact match (0–100%) against operand length, one line per run
/// (e.g. per seed), with a dashed vertical line at the longest training length, so the part of each
/// curve right of it is extrapolation.
/// </summary>
public static class LengthCurves
{
    public static LineChart Create(IReadOnlyList<LengthCurve> curves, int? trainedUpTo, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chart = new LineChart(new LineChartOptions
        {
            Title = title ?? "exact match against operand length",
            X = new AxisOptions { Label = "digits per operand (a = b)" },
            Y = new AxisOptions { Label = "exact match (%)", Min = 0, Max = 100 },
            Legend = true,
        });
        foreach (var c in curves)
        {
            chart.Add(new LineSeries(c.Name, c.Lengths, c.Percent) { Markers = true });
        }
        if (trainedUpTo is { } n)
        {
            chart.Add(new LineSeries($"longest training length ({n})", [n, n], [0, 100]) { Dashed = true, LineWidth = 1, Color = new Rgb(120, 120, 120) });
        }
        return chart;
    }
}
