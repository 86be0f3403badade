using System.Globalization;
using ArithLab.Plots;

namespace ArithLab.Training.Reports;

/// <summary>
/// The figures of `arithlab compare`, drawn only through the public chart API (LineChart, Heatmap):
/// curves of several runs overlaid, length grids on one shared scale, the difference of two grids,
/// and the mean and spread of grids over seeds. Grid values are exact match in percent throughout.
/// </summary>
public static class ComparisonFigures
{
    /// <summary>Each run's training loss (log scale) on one chart; null when no run logged one.</summary>
    public static LineChart? Loss(IReadOnlyList<ComparedRun> runs) => Overlay(runs, ["loss"], "training loss", "loss", AxisScale.Log10, null);

    /// <summary>
    /// Each run's held-out exact match (the trainer's check on test-side problems) on one chart,
    /// falling back to the training batch's exact match for runs without held-out checks.
    /// </summary>
    public static LineChart? Accuracy(IReadOnlyList<ComparedRun> runs) =>
        Overlay(runs, ["held_out_exact_match", "train_exact_match"], "held-out exact match", "exact match", AxisScale.Linear, 1);

    /// <summary>
    /// Each run's exact match at equal operand lengths (a = b = n: the grid's diagonal and the cells
    /// beyond it) against n, with the longest training length marked; null when no run has such a cell.
    /// </summary>
    public static LineChart? Length(IReadOnlyList<ComparedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var curves = new List<LengthCurve>();
        foreach (var run in runs)
        {
            var cells = run.Grid.Concat(run.Beyond).Where(c => c.LengthA == c.LengthB && c.N > 0)
                .GroupBy(c => c.LengthA).Select(g => g.First()).OrderBy(c => c.LengthA).ToList();
            if (cells.Count > 0)
            {
                curves.Add(new LengthCurve(run.Label, cells.Select(c => (double)c.LengthA).ToList(), cells.Select(c => c.Accuracy * 100).ToList()));
            }
        }
        var trained = runs.Select(r => r.Config?.Data.DigitsA.Max).Max();
        return curves.Count == 0 ? null : LengthCurves.Create(curves, trained, "exact match at a = b = n digits");
    }

    /// <summary>One run's grid on the lengths and 0–100 scale shared by every run compared.</summary>
    public static Heatmap Grid(ComparedRun run, GridFrame frame) =>
        Map(frame, (a, b) => run.Grid.FirstOrDefault(c => c.LengthA == a && c.LengthB == b && c.N > 0)?.Accuracy * 100,
            $"{run.Label}: exact match (%)", "exact match (%)", 0, 100, Whole);

    /// <summary>
    /// Second minus first, in percentage points, on the cells both evaluated: positive where the
    /// second run is better.
    /// </summary>
    public static Heatmap Difference(ComparedRun first, ComparedRun second, GridFrame frame) =>
        Map(frame, (a, b) => Points(first, second, a, b),
            $"{second.Label} − {first.Label} (points)", "difference in exact match (points)", -100, 100, Signed);

    /// <summary>Second minus first exact match at (len a, len b) in percentage points; null unless both evaluated the cell.</summary>
    public static double? Points(ComparedRun first, ComparedRun second, int lengthA, int lengthB)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var x = first.Grid.FirstOrDefault(c => c.LengthA == lengthA && c.LengthB == lengthB && c.N > 0);
        var y = second.Grid.FirstOrDefault(c => c.LengthA == lengthA && c.LengthB == lengthB && c.N > 0);
        return x is null || y is null ? null : (y.Accuracy - x.Accuracy) * 100;
    }

    /// <summary>The mean exact match over the seeds of a group, per cell.</summary>
    public static Heatmap SeedMean(SeedGroup group, GridFrame frame) =>
        Map(frame, (a, b) => group.Cells.FirstOrDefault(c => c.LengthA == a && c.LengthB == b)?.Mean * 100,
            $"mean over seeds {Seeds(group)}: exact match (%)", "mean exact match (%)", 0, 100, Whole);

    /// <summary>The spread (sample standard deviation) of exact match over the seeds of a group, per cell.</summary>
    public static Heatmap SeedSpread(SeedGroup group, GridFrame frame) =>
        Map(frame, (a, b) => group.Cells.FirstOrDefault(c => c.LengthA == a && c.LengthB == b)?.Spread * 100,
            $"spread over seeds {Seeds(group)}: standard deviation (points)", "std of exact match (points)", 0, 50, Whole);

    private static string Seeds(SeedGroup group) => string.Join(", ", group.Seeds);

    private static string Whole(double v) => v.ToString("0", CultureInfo.InvariantCulture);

    private static string Signed(double v) => v.ToString("+0;−0;0", CultureInfo.InvariantCulture);

    private static LineChart? Overlay(IReadOnlyList<ComparedRun> runs, string[] metrics, string title, string axis, AxisScale scale, double? max)
    {
        var chart = new LineChart(new LineChartOptions
        {
            Title = title,
            X = new AxisOptions { Label = "step" },
            Y = new AxisOptions { Label = axis, Scale = scale, Min = max is null ? null : 0, Max = max },
            Legend = true,
        });
        var any = false;
        foreach (var run in runs)
        {
            var series = metrics.Select(m => run.Metrics.FirstOrDefault(s => s.Name == m)).FirstOrDefault(s => s is { Values.Count: > 0 });
            if (series is null)
            {
                continue;
            }
            var name = series.Name == metrics[0] ? run.Label : $"{run.Label} ({series.Name})";
            chart.Add(new LineSeries(name, series.Steps, series.Values) { Markers = series.Steps.Count <= 30 });
            any = true;
        }
        return any ? chart : null;
    }

    private static Heatmap Map(GridFrame frame, Func<int, int, double?> value, string title, string colorBar, double min, double max, Func<double, string> text)
    {
        var values = new double[frame.A.Count, frame.B.Count];
        for (var r = 0; r < frame.A.Count; r++)
        {
            for (var c = 0; c < frame.B.Count; c++)
            {
                values[r, c] = value(frame.A[r], frame.B[c]) ?? double.NaN;
            }
        }
        return new Heatmap(values, new HeatmapOptions
        {
            Title = title,
            RowLabels = frame.A.Select(a => a.ToString(CultureInfo.InvariantCulture)).ToArray(),
            ColumnLabels = frame.B.Select(b => b.ToString(CultureInfo.InvariantCulture)).ToArray(),
            YLabel = "digits of a",
            XLabel = "digits of b",
            Min = min,
            Max = max,
            ColorBarLabel = colorBar,
            CellText = text,
            RowsBottomUp = true,
        });
    }
}
