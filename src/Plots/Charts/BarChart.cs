using ArithLab.Plots.Layout;
using ArithLab.Plots.Svg;

namespace ArithLab.Plots;

/// <summary>
/// Grouped bars: one group per category, one bar per series in each group, all from zero, e.g.
/// accuracy per task for each positional scheme.
/// </summary>
public sealed class BarChart : IChart
{
    // Share of a category's band the group fills; the rest separates groups.
    private const double GroupFill = 0.8;
    private readonly List<BarSeries> _series = [];

    public BarChart(IReadOnlyList<string> categories, BarChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0)
        {
            throw new ArgumentException("a bar chart needs at least one category", nameof(categories));
        }
        Categories = categories.Select(c => c ?? "").ToArray();
        Options = options ?? new BarChartOptions();
        ChartGuard.Size(Options.Width, Options.Height);
        if (Options.Y.Scale != AxisScale.Linear)
        {
            throw new ArgumentException("a bar chart needs a linear value axis: bar length must be proportional to value");
        }
        Axis.Validate(Options.Y, "y");
    }

    public IReadOnlyList<string> Categories { get; }

    public BarChartOptions Options { get; }

    public IReadOnlyList<BarSeries> Series => _series;

    public BarChart Add(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(series.Name, nameof(series.Name));
        ArgumentNullException.ThrowIfNull(series.Values, nameof(series.Values));
        if (series.Values.Count != Categories.Count)
        {
            throw new ArgumentException($"series '{series.Name}' has {series.Values.Count} values but the chart has {Categories.Count} categories");
        }
        _series.Add(series);
        return this;
    }

    public BarChart Add(string name, IReadOnlyList<double> values) => Add(new BarSeries(name, values));

    public void SaveAs(string path) => SvgFile.Write(path, ToSvg());

    public string ToSvg()
    {
        const double fs = ChartStyle.FontSize;
        var o = Options;
        var entries = _series.Select((s, i) => new LegendEntry(s.Name, s.Color ?? Palette.Category(i), LegendKey.Box)).ToList();
        var showLegend = o.Legend ?? _series.Count > 1;
        var format = o.ValueFormat ?? TickLabels.Value;
        // Bars start at zero, so zero is always in range.
        var yData = _series.SelectMany(s => s.Values).Append(0).ToArray();

        var frame = CartesianFrame.Layout(new FrameSpec
        {
            Width = o.Width,
            Height = o.Height,
            Title = o.Title,
            X = new AxisOptions { Label = o.XLabel, Grid = false },
            Y = o.Y,
            XData = [],
            YData = yData,
            XCategories = Categories,
            RightPanelWidth = showLegend ? Legend.Width(entries) : 0,
        });

        var w = new SvgWriter(o.Width, o.Height, ChartStyle.FontFamily);
        frame.DrawUnderlay(w);
        var band = frame.Plot.Width / Categories.Count;
        var barWidth = band * GroupFill / Math.Max(1, _series.Count);
        var zero = Math.Clamp(frame.PixelY(0), frame.Plot.Y, frame.Plot.Bottom);
        w.Open("g", ("class", "data"), ("clip-path", $"url(#{CartesianFrame.ClipId})"));
        for (var si = 0; si < _series.Count; si++)
        {
            var s = _series[si];
            w.Open("g", ("class", "series"), ("data-name", s.Name), ("fill", entries[si].Color.Hex));
            for (var c = 0; c < Categories.Count; c++)
            {
                var v = s.Values[c];
                if (!double.IsFinite(v))
                {
                    continue;
                }
                var x = frame.PixelX(c) - band * GroupFill / 2 + si * barWidth;
                var end = frame.PixelY(v);
                w.Empty("rect", ("class", "bar"), ("data-category", Categories[c]), ("data-value", v),
                    ("x", x), ("y", Math.Min(zero, end)), ("width", barWidth), ("height", Math.Abs(end - zero)));
            }
            w.Close("g");
        }
        w.Close("g");

        if (o.ShowValues)
        {
            var size = Math.Min(fs - 1, Math.Max(7, barWidth * 0.6));
            w.Open("g", ("class", "bar-values"), ("font-size", size), ("text-anchor", "middle"), ("fill", ChartStyle.Text));
            for (var si = 0; si < _series.Count; si++)
            {
                for (var c = 0; c < Categories.Count; c++)
                {
                    var v = _series[si].Values[c];
                    if (!double.IsFinite(v))
                    {
                        continue;
                    }
                    var x = frame.PixelX(c) - band * GroupFill / 2 + (si + 0.5) * barWidth;
                    var end = frame.PixelY(v);
                    var y = v >= 0 ? end - 3 : end + size + 1;
                    string? ink = null;
                    // No room beyond the bar's end (it reaches the frame): write the value inside the bar,
                    // in black or white against the bar colour, rather than over the frame or title.
                    if (v >= 0 ? y - size < frame.Plot.Y : y > frame.Plot.Bottom)
                    {
                        y = v >= 0 ? end + size + 1 : end - 3;
                        ink = entries[si].Color.Luminance > 0.4 ? "#000000" : "#ffffff";
                    }
                    w.Text("text", format(v), ("class", "bar-value"), ("x", x), ("y", y), ("fill", ink));
                }
            }
            w.Close("g");
        }
        if (frame.Y.Min < 0)
        {
            w.Empty("line", ("class", "zero-line"), ("x1", frame.Plot.X), ("y1", zero), ("x2", frame.Plot.Right), ("y2", zero), ("stroke", ChartStyle.Axis));
        }
        frame.DrawOverlay(w);
        if (showLegend)
        {
            Legend.Draw(w, entries, frame.Plot.Right + ChartStyle.Gap * 2, frame.Plot.Y);
        }
        return w.Finish();
    }
}
