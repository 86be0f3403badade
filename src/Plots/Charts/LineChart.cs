using ArithLab.Plots.Rendering;
using ScottPlot;

namespace ArithLab.Plots;

/// <summary>
/// Named curves on linear or log axes: loss and accuracy against step, error against length.
/// A NaN breaks the line there. On a log axis a value ≤ 0 is refused when the series is added,
/// and a fixed Min or Max ≤ 0 when the chart is made. The legend sits right of the data.
/// </summary>
public sealed class LineChart : Chart
{
    private readonly List<LineSeries> _series = [];

    public LineChart(LineChartOptions? options = null)
    {
        Options = options ?? new LineChartOptions();
        ChartGuard.Size(Options.Width, Options.Height);
        ChartGuard.Axis(Options.X, "x");
        ChartGuard.Axis(Options.Y, "y");
    }

    public LineChartOptions Options { get; }

    public IReadOnlyList<LineSeries> Series => _series;

    private protected override double PixelWidth => Options.Width;

    private protected override double PixelHeight => Options.Height;

    public LineChart Add(LineSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(series.Name, nameof(series.Name));
        ChartGuard.SameLength(series.Name, series.X, "X", series.Y, "Y");
        if (!(series.LineWidth > 0))
        {
            throw new ArgumentException($"series '{series.Name}': LineWidth must be positive, got {series.LineWidth}");
        }
        ChartGuard.PositiveOnLogAxis(Options.X, "x", series.Name, series.X);
        ChartGuard.PositiveOnLogAxis(Options.Y, "y", series.Name, series.Y);
        _series.Add(series);
        return this;
    }

    public LineChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y) => Add(new LineSeries(name, x, y));

    /// <summary>A curve against 0, 1, 2, … (e.g. one value per logged step).</summary>
    public LineChart Add(string name, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return Add(new LineSeries(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y));
    }

    internal override Plot BuildPlot()
    {
        var plot = Figure.New(Options.Title);
        for (var i = 0; i < _series.Count; i++)
        {
            AddSeries(plot, _series[i], (_series[i].Color ?? Palette.Category(i)).ToScott());
        }
        Rendering.Axes.Apply(plot, Options.X, Options.Y);
        if (Options.Legend ?? _series.Count > 1)
        {
            Legends.Right(plot);
        }
        else
        {
            plot.HideLegend(); // named series would otherwise bring ScottPlot's own legend, inside the data
        }
        return plot;
    }

    private void AddSeries(Plot plot, LineSeries s, ScottPlot.Color color)
    {
        // Each run of finite points is its own line, so a gap stays a gap; only the first is named in the legend.
        var named = false;
        foreach (var run in FiniteRuns(s))
        {
            var line = plot.Add.ScatterLine(
                run.Select(i => Rendering.Axes.ToPlot(Options.X, s.X[i])).ToArray(),
                run.Select(i => Rendering.Axes.ToPlot(Options.Y, s.Y[i])).ToArray(), color);
            line.LineWidth = (float)s.LineWidth;
            line.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            // A lone point between gaps would vanish as a zero-length line, so it always gets a marker.
            if (s.Markers || run.Count == 1)
            {
                line.MarkerShape = MarkerShape.FilledCircle;
                line.MarkerSize = (float)(2 * s.LineWidth + 3);
            }
            if (!named && s.InLegend)
            {
                line.LegendText = s.Name;
                named = true;
            }
        }
    }

    private static List<List<int>> FiniteRuns(LineSeries s)
    {
        var runs = new List<List<int>>();
        var run = new List<int>();
        for (var i = 0; i < s.X.Count; i++)
        {
            if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
            {
                run.Add(i);
            }
            else if (run.Count > 0)
            {
                runs.Add(run);
                run = [];
            }
        }
        if (run.Count > 0)
        {
            runs.Add(run);
        }
        return runs;
    }
}
