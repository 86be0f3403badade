using System.Globalization;
using ArithLab.Data.Units;
using ArithLab.Plots;

namespace ArithLab.Training.Units;

/// <summary>The benchmark's three figures, over the public chart API of src/Plots.</summary>
public static class UnitsFigures
{
    /// <summary>Success rate per model and operation with the Wilson interval's ends beside it (the paper's Figure 3 as bars).</summary>
    public static void Success(IReadOnlyList<UnitsSummary> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var categories = rows.Select(r => $"{r.Model} {r.Operation.Symbol()}").ToList();
        new BarChart(categories, new BarChartOptions
            {
                Title = $"success rate over {rows.Max(r => r.Seeds)} seeds, with Wilson 95% interval",
                Y = new AxisOptions { Label = "success rate", Min = 0, Max = 1 },
                Width = Math.Max(640, 90 * rows.Count),
            })
            .Add(new BarSeries("Wilson lower", rows.Select(r => r.Interval.Lower).ToList()) { Color = new Rgb(170, 190, 220) })
            .Add(new BarSeries("success", rows.Select(r => r.Rate).ToList()) { Color = new Rgb(40, 90, 160) })
            .Add(new BarSeries("Wilson upper", rows.Select(r => r.Interval.Upper).ToList()) { Color = new Rgb(170, 190, 220) })
            .SaveAs(path);
    }

    /// <summary>Extrapolation MSE against iterations, one line per seed, the threshold dashed.</summary>
    public static void Curves(IReadOnlyList<(string Name, IReadOnlyList<(int Seed, IReadOnlyList<UnitsEvaluation> Evaluations)> Seeds, double Threshold)> runs, string path)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var chart = new LineChart(new LineChartOptions
        {
            Title = "extrapolation (test) MSE per seed",
            X = new AxisOptions { Label = "iteration" },
            Y = new AxisOptions { Label = "test MSE", Scale = AxisScale.Log10 },
            Legend = true,
        });
        // Past a dozen seeds a legend entry each would outgrow the plot: then it lists the thresholds alone.
        var seedsInLegend = runs.Sum(r => r.Seeds.Count) <= 12;
        foreach (var (name, seeds, threshold) in runs)
        {
            foreach (var (seed, evaluations) in seeds)
            {
                chart.Add(new LineSeries($"{name} s{seed}", evaluations.Select(e => (double)e.Step).ToList(),
                    evaluations.Select(e => double.IsFinite(e.TestMse) && e.TestMse > 0 ? e.TestMse : double.NaN).ToList()) { LineWidth = 1, InLegend = seedsInLegend });
            }
            var end = seeds.Count == 0 || seeds[0].Evaluations.Count == 0 ? 1 : seeds.Max(s => s.Evaluations[^1].Step);
            chart.Add(new LineSeries($"{name} threshold", [0, end], [threshold, threshold]) { Dashed = true, Color = new Rgb(200, 30, 30) });
        }
        chart.SaveAs(path);
    }

    /// <summary>First-layer weights, two rows per seed, above rows marking the true subsets a and b.</summary>
    public static void Weights(string name, IReadOnlyList<(int Seed, SubsetTask Task, double[] FirstLayer)> seeds, string path)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var rows = new List<IReadOnlyList<double>>();
        var labels = new List<string>();
        foreach (var (seed, task, w) in seeds)
        {
            var truth = task.SelectionWeights();
            var n = task.InputSize;
            var hidden = w.Length / n;
            rows.Add(truth[..n]);
            labels.Add($"s{seed} a");
            rows.Add(truth[n..]);
            labels.Add($"s{seed} b");
            for (var h = 0; h < hidden; h++)
            {
                rows.Add(w[(h * n)..((h + 1) * n)]);
                labels.Add($"s{seed} W{h + 1}");
            }
        }
        Heatmap.FromRows(rows, new HeatmapOptions
            {
                Title = $"{name}: first-layer weights (a, b: the true subsets)",
                RowLabels = labels,
                XLabel = "input",
                Min = -1,
                Max = 1,
                SquareCells = false,
                Height = Math.Max(300, 22 * rows.Count + 140),
                Width = 900,
                ColorBarLabel = "weight",
                ColumnLabels = Enumerable.Range(0, seeds[0].Task.InputSize).Select(i => i % 10 == 0 ? i.ToString(CultureInfo.InvariantCulture) : "").ToList(),
            })
            .SaveAs(path);
    }
}
