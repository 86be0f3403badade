using ArithLab.Plots.Rendering;
using ScottPlot;

namespace ArithLab.Plots;

/// <summary>
/// Grouped bars: one group per category, one bar per series in each group, all from zero, e.g.
/// accuracy per task for each positional scheme.
/// </summary>
public sealed class BarChart : Chart
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
        ChartGuard.Axis(Options.Y, "y");
    }

    public IReadOnlyList<string> Categories { get; }

    public BarChartOptions Options { get; }

    public IReadOnlyList<BarSeries> Series => _series;

    private protected override double PixelWidth => Options.Width;

    private protected override double PixelHeight => Options.Height;

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

    private static void AddBars(Plot plot, List<Bar> bars, ScottPlot.Color ink, bool inside)
    {
        if (bars.Count == 0)
        {
            return;
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = Figure.TickSize;
        plottable.ValueLabelStyle.ForeColor = ink;
        if (inside)
        {
            foreach (var bar in bars)
            {
                bar.LabelOffset = -(Figure.TickSize + 8);
            }
        }
    }

    internal override Plot BuildPlot()
    {
        var o = Options;
        var plot = Figure.New(o.Title);
        var format = o.ValueFormat ?? TickLabels.Value;
        var barWidth = GroupFill / Math.Max(1, _series.Count);
        var legend = new List<LegendItem>();
        // A value label goes above its bar, or inside near its end when the bar reaches the top of a
        // fixed axis (where a label above would be cut off), in black or white against the bar.
        var axisTop = o.Y.Max ?? double.PositiveInfinity;
        var span = (o.Y.Max ?? 1) - (o.Y.Min ?? 0);
        for (var si = 0; si < _series.Count; si++)
        {
            var s = _series[si];
            var color = s.Color ?? Palette.Category(si);
            var outside = new List<Bar>();
            var inside = new List<Bar>();
            for (var c = 0; c < Categories.Count; c++)
            {
                var v = s.Values[c];
                if (!double.IsFinite(v))
                {
                    continue; // NaN: no bar, rather than a bar of some made-up length.
                }
                var bar = new Bar
                {
                    Position = c - GroupFill / 2 + (si + 0.5) * barWidth,
                    Value = v,
                    Size = barWidth,
                    FillColor = color.ToScott(),
                    LineWidth = 0,
                    Label = o.ShowValues ? format(v) : "",
                };
                (o.ShowValues && v > axisTop - 0.08 * span ? inside : outside).Add(bar);
            }
            AddBars(plot, outside, Colors.Black, inside: false);
            AddBars(plot, inside, Figure.InkOn(color), inside: true);
            legend.Add(new LegendItem { LabelText = s.Name, FillColor = color.ToScott() });
        }

        // Bars start at zero: keep zero on the axis and no margin below it.
        plot.Axes.Margins(bottom: 0);
        Rendering.Axes.Apply(plot, new AxisOptions { Label = o.XLabel, Grid = false }, o.Y);
        var limits = plot.Axes.GetLimits();
        if (o.Y.Min is null && limits.Bottom > 0 || o.Y.Max is null && limits.Top < 0)
        {
            plot.Axes.SetLimitsY(Math.Min(limits.Bottom, 0), Math.Max(limits.Top, 0));
        }
        plot.Axes.SetLimitsX(-0.5, Categories.Count - 0.5);
        var pixelsPerCategory = (o.Width - 150) / Categories.Count;
        var widest = Categories.Max(l => l.Length);
        plot.Axes.Bottom.TickGenerator = CategoryTicks.For(Categories, Enumerable.Range(0, Categories.Count).Select(c => (double)c).ToArray(),
            pixelsPerCategory, Figure.TickSize * (0.6 * widest + 1));
        if (o.Legend ?? _series.Count > 1)
        {
            Legends.Right(plot, legend);
        }
        return plot;
    }
}
