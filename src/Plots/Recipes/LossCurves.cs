using System.Globalization;

namespace ArithLab.Plots;

/// <summary>
/// Loss curves of a run on one chart: a log loss axis, since losses fall over decades, with values
/// labelled at each decade; the legend right of the data. A loss of exactly 0 (or below) has no place on
/// a log axis: it is left out as a gap and the title says how many were left out.
/// </summary>
public static class LossCurves
{
    public static LineChart Create(IReadOnlyList<Curve> curves, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var dropped = curves.Sum(c => c.Values.Count(v => v <= 0));
        var heading = title ?? "loss";
        if (dropped > 0)
        {
            heading += $" ({dropped.ToString(CultureInfo.InvariantCulture)} value{(dropped == 1 ? "" : "s")} ≤ 0 left out of the log axis)";
        }
        var chart = new LineChart(new LineChartOptions
        {
            Title = heading,
            X = new AxisOptions { Label = "step" },
            Y = new AxisOptions { Label = "loss", Scale = AxisScale.Log10 },
            Legend = true,
        });
        foreach (var c in curves)
        {
            var values = c.Values.Select(v => v > 0 ? v : double.NaN).ToArray();
            chart.Add(new LineSeries(c.Name, c.Steps, values) { Markers = c.Steps.Count <= 30 });
        }
        return chart;
    }
}
