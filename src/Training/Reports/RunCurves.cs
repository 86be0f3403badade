using ArithLab.Plots;

namespace ArithLab.Training.Reports;

/// <summary>
/// The training curves of a run: every loss series (the trainer's loss, loss_avg, held_out_loss;
/// not loss_scale, which is a mixed-precision factor) on one chart with a log axis, since losses fall
/// over decades; every accuracy series (train_exact_match, held_out_exact_match, or any name with
/// "acc") on another from 0 to 1.
/// </summary>
public static class RunCurves
{
    public static bool IsLoss(string name) =>
        name.Contains("loss", StringComparison.OrdinalIgnoreCase) && !name.Contains("loss_scale", StringComparison.OrdinalIgnoreCase);

    public static bool IsAccuracy(string name) =>
        name.Contains("acc", StringComparison.OrdinalIgnoreCase) || name.Contains("exact_match", StringComparison.OrdinalIgnoreCase);

    /// <summary>The loss chart, or null when the log has no loss.</summary>
    public static LineChart? Loss(IReadOnlyList<MetricSeries> metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var series = metrics.Where(m => IsLoss(m.Name)).ToList();
        if (series.Count == 0)
        {
            return null;
        }
        var chart = new LineChart(new LineChartOptions
        {
            Title = title ?? "loss",
            X = new AxisOptions { Label = "step" },
            Y = new AxisOptions { Label = "loss", Scale = AxisScale.Log10 },
            Legend = true,
        });
        foreach (var s in series)
        {
            chart.Add(new LineSeries(s.Name, s.Steps, s.Values) { Markers = s.Steps.Count <= 30 });
        }
        return chart;
    }

    /// <summary>The accuracy chart, or null when the log has no accuracy.</summary>
    public static LineChart? Accuracy(IReadOnlyList<MetricSeries> metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var series = metrics.Where(m => IsAccuracy(m.Name) && !IsLoss(m.Name)).ToList();
        if (series.Count == 0)
        {
            return null;
        }
        // Percent-valued logs would be clipped by a 0..1 axis; let those fit their data.
        var fraction = series.All(s => s.Values.Where(double.IsFinite).All(v => v is >= 0 and <= 1));
        var chart = new LineChart(new LineChartOptions
        {
            Title = title ?? "accuracy",
            X = new AxisOptions { Label = "step" },
            Y = new AxisOptions { Label = "accuracy", Min = fraction ? 0 : null, Max = fraction ? 1 : null },
            // Even one curve is named: "accuracy" alone does not say on which problems.
            Legend = true,
        });
        foreach (var s in series)
        {
            chart.Add(new LineSeries(s.Name, s.Steps, s.Values) { Markers = s.Steps.Count <= 30 });
        }
        return chart;
    }
}
