using ArithLab.Plots.Rendering;
using ScottPlot;

namespace ArithLab.Plots;

/// <summary>
/// Points on linear or log axes, coloured by series (legend) or by value (colour bar), with optional
/// text per point: probe projections such as the "clock" of numbers on a circle (Nanda et al. 2023;
/// Kantamneni &amp; Tegmark 2025). Points with a NaN coordinate or value are skipped; on a log axis a
/// coordinate ≤ 0 is refused when the series is added.
/// </summary>
public sealed class ScatterChart : Chart
{
    private readonly List<ScatterSeries> _series = [];

    public ScatterChart(ScatterChartOptions? options = null)
    {
        Options = options ?? new ScatterChartOptions();
        ChartGuard.Size(Options.Width, Options.Height);
        ChartGuard.Axis(Options.X, "x");
        ChartGuard.Axis(Options.Y, "y");
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

    private protected override double PixelWidth => Options.Width;

    private protected override double PixelHeight => Options.Height;

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
        ChartGuard.PositiveOnLogAxis(Options.X, "x", series.Name, series.X);
        ChartGuard.PositiveOnLogAxis(Options.Y, "y", series.Name, series.Y);
        _series.Add(series);
        return this;
    }

    public ScatterChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y) => Add(new ScatterSeries(name, x, y));

    /// <summary>The value range of the colour bar, or null when no series is coloured by value.</summary>
    public (double Min, double Max)? ValueRange()
    {
        if (!_series.Any(s => s.Values is not null))
        {
            return null;
        }
        var values = _series.Where(s => s.Values is not null).SelectMany(s => s.Values!).Where(double.IsFinite).ToArray();
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

    internal override Plot BuildPlot()
    {
        var o = Options;
        var plot = Figure.New(o.Title);
        var range = ValueRange();
        var named = 0;
        for (var i = 0; i < _series.Count; i++)
        {
            var s = _series[i];
            var points = Enumerable.Range(0, s.X.Count)
                .Where(p => double.IsFinite(s.X[p]) && double.IsFinite(s.Y[p]) && (s.Values is null || !double.IsNaN(s.Values[p])))
                .ToArray();
            var xs = points.Select(p => Rendering.Axes.ToPlot(o.X, s.X[p])).ToArray();
            var ys = points.Select(p => Rendering.Axes.ToPlot(o.Y, s.Y[p])).ToArray();
            var size = (float)(2 * s.MarkerRadius);
            if (s.Values is { } values && range is { } r)
            {
                // Coloured by value: no legend entry, the colour bar says what a colour means.
                for (var k = 0; k < points.Length; k++)
                {
                    var color = o.ColorMap.At(Math.Clamp(values[points[k]], r.Min, r.Max), r.Min, r.Max).ToScott();
                    plot.Add.Marker(xs[k], ys[k], MarkerShape.FilledCircle, size, color);
                }
            }
            else
            {
                var dots = plot.Add.ScatterPoints(xs, ys, (s.Color ?? Palette.Category(i)).ToScott());
                dots.MarkerSize = size;
                dots.LegendText = s.Name;
                named++;
            }
            AddLabels(plot, s, points, xs, ys);
        }
        if (range is { } bar)
        {
            ColorBars.Add(plot, new ColorScale(o.ColorMap.ToScott(), bar.Min, bar.Max), o.ColorBarLabel);
        }
        // Labels sit outside their points: give them more room from the frame.
        var margin = _series.Any(s => s.Labels is not null) ? 0.12 : 0.05;
        plot.Axes.Margins(margin, margin);
        Rendering.Axes.Apply(plot, o.X, o.Y);
        if (o.EqualAspect)
        {
            plot.Axes.SquareUnits();
        }
        if (o.Legend ?? named > 1)
        {
            Legends.Right(plot);
        }
        return plot;
    }

    private static void AddLabels(Plot plot, ScatterSeries s, int[] points, double[] xs, double[] ys)
    {
        if (s.Labels is null || points.Length == 0)
        {
            return;
        }
        // Push each label away from the points' centre: on a clock plot that is radially outward.
        var (cx, cy) = ((xs.Min() + xs.Max()) / 2, (ys.Min() + ys.Max()) / 2);
        var (sx, sy) = (Math.Max(xs.Max() - xs.Min(), 1e-12), Math.Max(ys.Max() - ys.Min(), 1e-12));
        for (var k = 0; k < points.Length; k++)
        {
            var text = s.Labels[points[k]];
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var (dx, dy) = ((xs[k] - cx) / sx, (ys[k] - cy) / sy);
            var norm = Math.Sqrt(dx * dx + dy * dy);
            var (ux, uy) = norm < 1e-9 ? (0.0, 1.0) : (dx / norm, dy / norm);
            var offset = (float)(s.MarkerRadius + 4);
            var label = plot.Add.Text(text, xs[k], ys[k]);
            label.LabelFontSize = Figure.TickSize;
            label.Alignment = Alignment.MiddleCenter;
            // Pixel offsets: y grows downward on the canvas.
            label.OffsetX = (float)ux * (offset + 4);
            label.OffsetY = -(float)uy * (offset + 2);
        }
    }
}
