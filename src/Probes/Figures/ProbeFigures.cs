using ArithLab.Plots;
using ArithLab.Probes.Fourier;
using ArithLab.Probes.Helix;

namespace ArithLab.Probes.Figures;

/// <summary>The probes' figure recipes, over the lab's public chart API (Plots).</summary>
public static class ProbeFigures
{
    /// <summary>Share of variance per frequency k = 1…⌊N/2⌋ (period N/k), a marker per frequency on a numeric axis.</summary>
    public static LineChart Spectrum(FourierSpectrum spectrum, string title)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var k = spectrum.Frequencies.Select(f => (double)f).ToArray();
        var chart = new LineChart(new LineChartOptions { Title = title, Width = 900, Legend = false, X = new AxisOptions { Label = "frequency k (period N/k)", Min = 0 }, Y = new AxisOptions { Label = "share of variance", Min = 0 } });
        return chart.Add(new LineSeries("share", k, spectrum.Frequencies.Select(spectrum.ShareOf).ToArray()) { Markers = true, LineWidth = 1 });
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
        return new BarChart(rows.Select(r => r.Name.Split(" T = ")[0]).ToArray(), new BarChartOptions { Title = title, Y = new AxisOptions { Label = "R² (variance explained)", Min = 0, Max = 1 }, ShowValues = true, Legend = false, Width = 820 })
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
