using ArithLab.Plots;
using ArithLab.Probes.Fourier;
using ArithLab.Probes.Helix;

namespace ArithLab.Probes.Figures;

/// <summary>The probes' figure recipes, over the lab's public chart API (Plots).</summary>
public static class ProbeFigures
{
    /// <summary>Share of variance per frequency k (bars), titled with the top-k share.</summary>
    public static BarChart Spectrum(FourierSpectrum spectrum, string title, int labelEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var step = labelEvery > 0 ? labelEvery : Math.Max(1, spectrum.Power.Count / 12);
        var categories = spectrum.Frequencies.Select(k => k % step == 0 || k == 1 ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "").ToArray();
        // Distinct category names: blank labels get zero-width spaces so bars stay apart.
        categories = categories.Select((c, i) => c.Length > 0 ? c : new string('\u200b', i + 1)).ToArray();
        return new BarChart(categories, new BarChartOptions { Title = title, XLabel = "frequency k (period N/k)", Y = new AxisOptions { Label = "share of variance", Min = 0 }, Legend = false, Width = 900 })
            .Add("share", spectrum.Frequencies.Select(spectrum.ShareOf).ToArray());
    }

    /// <summary>A table of values (rows × columns) as a heatmap with cell labels, e.g. layer × position.</summary>
    public static Heatmap Table(double[,] values, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, string xLabel, string yLabel, string valueLabel, double? min = null, double? max = null) =>
        new(values, new HeatmapOptions
        {
            Title = title,
            RowLabels = rows,
            ColumnLabels = columns,
            XLabel = xLabel,
            YLabel = yLabel,
            ColorBarLabel = valueLabel,
            Min = min,
            Max = max,
            SquareCells = false,
            CellText = v => double.IsFinite(v) ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "",
        });

    /// <summary>R² of the helix and its baselines, one bar each.</summary>
    public static BarChart HelixComparison(IReadOnlyList<HelixBaselines.Row> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new BarChart(rows.Select(r => r.Name).ToArray(), new BarChartOptions { Title = title, Y = new AxisOptions { Label = "R² (variance explained)", Min = 0, Max = 1 }, ShowValues = true, Legend = false, Width = 820 })
            .Add("R²", rows.Select(r => r.RSquared).ToArray());
    }

    /// <summary>Curves over a shared x axis (training curves, logit lens by layer, mass by length).</summary>
    public static LineChart Curves(string title, string xLabel, string yLabel, IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series, AxisScale yScale = AxisScale.Linear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var chart = new LineChart(new LineChartOptions { Title = title, X = new AxisOptions { Label = xLabel }, Y = new AxisOptions { Label = yLabel, Scale = yScale } });
        foreach (var (name, x, y) in series)
        {
            chart.Add(new LineSeries(name, x, y) { Markers = x.Count <= 30 });
        }
        return chart;
    }
}
