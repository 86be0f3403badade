namespace ArithLab.Plots;

/// <summary>
/// Accuracy curves of a run on one chart, from 0 to 1 when every value is a fraction (percent-valued
/// logs would be clipped by that axis, so those fit their data); every curve is named in the legend,
/// since "accuracy" alone does not say on which problems.
/// </summary>
public static class AccuracyCurves
{
    public static LineChart Create(IReadOnlyList<Curve> curves, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var fraction = curves.All(c => c.Values.Where(double.IsFinite).All(v => v is >= 0 and <= 1));
        var chart = new LineChart(new LineChartOptions
        {
            Title = title ?? "accuracy",
            X = new AxisOptions { Label = "step" },
            Y = new AxisOptions { Label = "accuracy", Min = fraction ? 0 : null, Max = fraction ? 1 : null },
            Legend = true,
        });
        foreach (var c in curves)
        {
            chart.Add(new LineSeries(c.Name, c.Steps, c.Values) { Markers = c.Steps.Count <= 30 });
        }
        return chart;
    }
}
