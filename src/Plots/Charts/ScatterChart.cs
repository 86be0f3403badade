using ArithLab.Plots.Layout;
using ArithLab.Plots.Svg;

namespace ArithLab.Plots;

/// <summary>
/// Points on linear or log axes, coloured by series (legend) or by value (colour bar), with optional
/// text per point: probe projections such as the "clock" of numbers on a circle (Nanda et al. 2023;
/// Kantamneni &amp; Tegmark 2025).
/// </summary>
public sealed class ScatterChart : IChart
{
    private readonly List<ScatterSeries> _series = [];

    public ScatterChart(ScatterChartOptions? options = null)
    {
        Options = options ?? new ScatterChartOptions();
        XyFrame.Validate(Options);
        ArgumentNullException.ThrowIfNull(Options.ColorMap, nameof(Options.ColorMap));
        if (Options.EqualAspect && (Options.X.Scale != AxisScale.Linear || Options.Y.Scale != AxisScale.Linear))
        {
            throw new ArgumentException("EqualAspect needs linear x and y axes");
        }
        if (Options.ValueMin is double a && Options.ValueMax is double b && !(b > a))
        {
            throw new ArgumentException($"ValueMax ({b}) must be greater than ValueMin ({a})");
        }
    }

    public ScatterChartOptions Options { get; }

    public IReadOnlyList<ScatterSeries> Series => _series;

    public ScatterChart Add(ScatterSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(series.Name, nameof(series.Name));
        ChartGuard.SameLength(series.Name, series.X, "X", series.Y, "Y");
        if (series.Values is { } v)
        {
            ChartGuard.SameLength(series.Name, series.X, "X", v, "Values");
        }
        if (series.Labels is { } l)
        {
            ChartGuard.SameLength(series.Name, series.X, "X", l, "Labels");
        }
        if (!(series.MarkerRadius > 0))
        {
            throw new ArgumentException($"series '{series.Name}': MarkerRadius must be positive, got {series.MarkerRadius}");
        }
        _series.Add(series);
        return this;
    }

    public ScatterChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y) => Add(new ScatterSeries(name, x, y));

    public void SaveAs(string path) => SvgFile.Write(path, ToSvg());

    /// <summary>The value range of the colour bar, or null when no series is coloured by value.</summary>
    public (double Min, double Max)? ValueRange()
    {
        var values = _series.Where(s => s.Values is not null).SelectMany(s => s.Values!).Where(double.IsFinite).ToArray();
        if (!_series.Any(s => s.Values is not null))
        {
            return null;
        }
        var min = Options.ValueMin ?? (values.Length > 0 ? values.Min() : 0);
        var max = Options.ValueMax ?? (values.Length > 0 ? values.Max() : 1);
        if (!(max > min))
        {
            if (Options.ValueMax is null)
            {
                max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
            }
            else
            {
                min = max - (max == 0 ? 1 : Math.Abs(max) * 0.1);
            }
        }
        return (min, max);
    }

    public string ToSvg()
    {
        var o = Options;
        var categorical = _series.Select((s, i) => (s, i)).Where(p => p.s.Values is null).ToList();
        var entries = categorical.Select(p => new LegendEntry(p.s.Name, p.s.Color ?? Palette.Category(p.i), LegendKey.Marker)).ToList();
        var showLegend = o.Legend ?? entries.Count > 1;
        var range = ValueRange();
        var guessHeight = o.Height - 80;
        var colorBar = range is { } r ? new ColorBar(o.ColorMap, r.Min, r.Max, o.ColorBarLabel, guessHeight) : null;
        var legendWidth = showLegend ? Legend.Width(entries) : 0;
        var panel = (colorBar?.Width ?? 0) + legendWidth + (colorBar is not null && showLegend ? 3 * ChartStyle.Gap : 0);
        var frame = CartesianFrame.Layout(XyFrame.Spec(o, _series.Select(s => s.X), _series.Select(s => s.Y)) with
        {
            RightPanelWidth = panel,
            EqualAspect = o.EqualAspect,
            // Labels sit outside their points: give them more room from the frame.
            DataMargin = _series.Any(s => s.Labels is not null) ? 0.12 : 0.05,
        });

        var w = new SvgWriter(o.Width, o.Height, ChartStyle.FontFamily);
        frame.DrawUnderlay(w);
        w.Open("g", ("class", "data"), ("clip-path", $"url(#{CartesianFrame.ClipId})"));
        for (var i = 0; i < _series.Count; i++)
        {
            DrawPoints(w, frame, _series[i], _series[i].Color ?? Palette.Category(i), range);
        }
        w.Close("g");
        // Labels are drawn unclipped: a label of a point at the edge may run into the margin, not vanish.
        for (var i = 0; i < _series.Count; i++)
        {
            DrawLabels(w, frame, _series[i]);
        }
        frame.DrawOverlay(w);
        var x = frame.Plot.Right + ChartStyle.Gap * 2;
        if (colorBar is not null)
        {
            colorBar.Draw(w, x, frame.Plot.Y, frame.Plot.Height);
            x += colorBar.Width + 3 * ChartStyle.Gap;
        }
        if (showLegend)
        {
            Legend.Draw(w, entries, x, frame.Plot.Y);
        }
        return w.Finish();
    }

    private void DrawPoints(SvgWriter w, CartesianFrame frame, ScatterSeries s, Rgb color, (double Min, double Max)? range)
    {
        w.Open("g", ("class", "series"), ("data-name", s.Name), ("fill-opacity", 0.85));
        for (var i = 0; i < s.X.Count; i++)
        {
            if (!frame.X.CanPlace(s.X[i]) || !frame.Y.CanPlace(s.Y[i]))
            {
                continue;
            }
            var fill = color;
            if (s.Values is { } values && range is { } r)
            {
                if (double.IsNaN(values[i]))
                {
                    continue; // No value, no colour; drawing it in some colour would claim a value.
                }
                fill = Options.ColorMap.At(Math.Clamp(values[i], r.Min, r.Max), r.Min, r.Max);
            }
            w.Empty("circle", ("class", "point"), ("cx", frame.PixelX(s.X[i])), ("cy", frame.PixelY(s.Y[i])), ("r", s.MarkerRadius),
                ("fill", fill.Hex), ("stroke", "#ffffff"), ("stroke-width", 0.75));
        }
        w.Close("g");
    }

    private static void DrawLabels(SvgWriter w, CartesianFrame frame, ScatterSeries s)
    {
        if (s.Labels is null)
        {
            return;
        }
        w.Open("g", ("class", "point-labels"), ("data-name", s.Name), ("font-size", ChartStyle.FontSize - 1), ("fill", ChartStyle.Text));
        for (var i = 0; i < s.X.Count; i++)
        {
            var label = s.Labels[i];
            if (string.IsNullOrEmpty(label) || !frame.X.CanPlace(s.X[i]) || !frame.Y.CanPlace(s.Y[i]))
            {
                continue;
            }
            var px = frame.PixelX(s.X[i]);
            var py = frame.PixelY(s.Y[i]);
            // Push the label away from the plot centre: on a clock plot that is radially outward.
            var dx = px - frame.Plot.CenterX;
            var dy = py - frame.Plot.CenterY;
            var norm = Math.Sqrt(dx * dx + dy * dy);
            var (ux, uy) = norm < 1e-9 ? (0.0, -1.0) : (dx / norm, dy / norm);
            var offset = s.MarkerRadius + 3;
            var anchor = ux > 0.3 ? "start" : ux < -0.3 ? "end" : "middle";
            var tx = px + ux * offset;
            var ty = py + uy * offset + (ChartStyle.FontSize - 1) * 0.35 + uy * 4;
            w.Text("text", label, ("class", "point-label"), ("x", tx), ("y", ty), ("text-anchor", anchor));
        }
        w.Close("g");
    }
}
