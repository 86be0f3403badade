using ArithLab.Plots.Layout;
using ArithLab.Plots.Svg;

namespace ArithLab.Plots;

/// <summary>
/// Named curves on linear or log axes: loss and accuracy against step, error against length.
/// On a log axis, values ≤ 0 are skipped (the line breaks there) and a note under the chart
/// counts them; a fixed Min or Max ≤ 0 on a log axis is an error.
/// </summary>
public sealed class LineChart : IChart
{
    private readonly List<LineSeries> _series = [];

    public LineChart(LineChartOptions? options = null)
    {
        Options = options ?? new LineChartOptions();
        XyFrame.Validate(Options);
    }

    public LineChartOptions Options { get; }

    public IReadOnlyList<LineSeries> Series => _series;

    public LineChart Add(LineSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(series.Name, nameof(series.Name));
        ChartGuard.SameLength(series.Name, series.X, "X", series.Y, "Y");
        if (!(series.LineWidth > 0))
        {
            throw new ArgumentException($"series '{series.Name}': LineWidth must be positive, got {series.LineWidth}");
        }
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

    public void SaveAs(string path) => SvgFile.Write(path, ToSvg());

    public string ToSvg()
    {
        var o = Options;
        var entries = _series.Select((s, i) => new LegendEntry(s.Name, ColorOf(s, i), LegendKey.Line, s.Markers, s.Dashed)).ToList();
        var showLegend = o.Legend ?? _series.Count > 1;
        var frame = CartesianFrame.Layout(XyFrame.Spec(o, _series.Select(s => s.X), _series.Select(s => s.Y)) with
        {
            RightPanelWidth = showLegend ? Legend.Width(entries) : 0,
        });

        var w = new SvgWriter(o.Width, o.Height, ChartStyle.FontFamily);
        frame.DrawUnderlay(w);
        w.Open("g", ("class", "data"), ("clip-path", $"url(#{CartesianFrame.ClipId})"));
        for (var i = 0; i < _series.Count; i++)
        {
            DrawSeries(w, frame, _series[i], entries[i].Color);
        }
        w.Close("g");
        frame.DrawOverlay(w);
        if (showLegend)
        {
            Legend.Draw(w, entries, frame.Plot.Right + ChartStyle.Gap * 2, frame.Plot.Y);
        }
        return w.Finish();
    }

    private static Rgb ColorOf(LineSeries s, int index) => s.Color ?? Palette.Category(index);

    private static void DrawSeries(SvgWriter w, CartesianFrame frame, LineSeries s, Rgb color)
    {
        w.Open("g", ("class", "series"), ("data-name", s.Name));
        // Each run of placeable points is its own polyline: a gap stays a gap.
        var run = new List<(double X, double Y)>();
        for (var i = 0; i <= s.X.Count; i++)
        {
            var ok = i < s.X.Count && frame.X.CanPlace(s.X[i]) && frame.Y.CanPlace(s.Y[i]);
            if (ok)
            {
                run.Add((frame.PixelX(s.X[i]), frame.PixelY(s.Y[i])));
                continue;
            }
            Flush(w, run, s, color);
            run.Clear();
        }
        w.Close("g");
    }

    private static void Flush(SvgWriter w, List<(double X, double Y)> run, LineSeries s, Rgb color)
    {
        if (run.Count == 0)
        {
            return;
        }
        var hex = color.Hex;
        if (run.Count > 1)
        {
            var points = string.Join(" ", run.Select(p => $"{SvgNumber.Format(p.X)},{SvgNumber.Format(p.Y)}"));
            w.Empty("polyline", ("class", "line"), ("points", points), ("fill", "none"), ("stroke", hex), ("stroke-width", s.LineWidth),
                ("stroke-linejoin", "round"), ("stroke-linecap", "round"), ("stroke-dasharray", s.Dashed ? "6 3" : null));
        }
        // A lone point between gaps would vanish as a zero-length line, so it always gets a marker.
        if (s.Markers || run.Count == 1)
        {
            foreach (var (x, y) in run)
            {
                w.Empty("circle", ("class", "marker"), ("cx", x), ("cy", y), ("r", s.LineWidth + 1.5), ("fill", hex));
            }
        }
    }
}
