using ArithLab.Plots;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// The sweep's figures: exact match against the longer operand's length, one solid line per setting
/// at the mean over seeds and thin dashed lines of the same colour at the lowest and highest seed
/// (the spread); and each setting's heatmap pooled over its seeds (<see cref="GridHeatmap"/>).
/// </summary>
public static class SweepFigures
{
    public static LineChart AccuracyByLength(IReadOnlyList<SweepConfigSummary> summaries, string title, int trainedUpTo)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var chart = new LineChart(new LineChartOptions
        {
            Title = title,
            Width = 900,
            // Room for a legend of one entry per setting (the seed-range lines stay out of it) and the training-length mark.
            Height = Math.Max(460, 60 + 17 * (summaries.Count + 1)),
            X = new AxisOptions { Label = $"digits of the longer operand (trained on 1-{trainedUpTo})" },
            // The axis label stays short enough to fit the plot's height; the title says what the lines are.
            Y = new AxisOptions { Label = "exact match", Min = 0, Max = 1 },
            Legend = true,
        });
        for (var i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            SeedSpread.Add(chart, s.Label, Palette.Category(i), s.ByLength.Select(b => (double)b.Length).ToArray(),
                s.ByLength.Select(b => b.Mean).ToArray(), s.ByLength.Select(b => b.Min).ToArray(), s.ByLength.Select(b => b.Max).ToArray(), s.Runs.Count);
        }
        // Where the training lengths end: a grey rule between the last trained length and the next.
        chart.Add(new LineSeries("longest trained length", [trainedUpTo + 0.5, trainedUpTo + 0.5], [0.0, 1.0]) { Color = new Rgb(150, 150, 150), Dashed = true, LineWidth = 1 });
        return chart;
    }

    /// <summary>
    /// In-distribution exact match against data.train_size (<see cref="TrainSizeCurves"/>), one curve per
    /// setting of the other varied keys; null when the sweep does not vary data.train_size.
    /// </summary>
    public static LineChart? AccuracyByTrainSize(IReadOnlyList<SweepConfigSummary> summaries, string title)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Select(s => s.Runs[0].Config.Data.TrainSize).Distinct().Count() < 2)
        {
            return null;
        }
        var curves = summaries
            .GroupBy(s => string.Join(" · ", s.Runs[0].Settings.Where(kv => kv.Key != TrainSizeKey).Select(kv => kv.Value)))
            .Select(g =>
            {
                var points = g.OrderBy(s => s.Runs[0].Config.Data.TrainSize).ToList();
                return new TrainSizeCurve(
                    g.Key.Length == 0 ? "exact match" : g.Key,
                    points.Select(s => (double)s.Runs[0].Config.Data.TrainSize).ToList(),
                    points.Select(s => s.InDistributionMean).ToList(),
                    points.Select(s => s.InDistribution.Min()).ToList(),
                    points.Select(s => s.InDistribution.Max()).ToList(),
                    points.Min(s => s.Runs.Count));
            })
            .ToList();
        return TrainSizeCurves.Create(curves, title, "exact match inside the training lengths");
    }

    private const string TrainSizeKey = "data.train_size";

    public static Heatmap Pooled(SweepResults results, SweepConfigSummary summary)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(summary);
        return GridHeatmap.Build(results.PooledGrid(summary), $"{summary.Label}: exact match (%), {summary.Runs.Count} seeds pooled");
    }
}
