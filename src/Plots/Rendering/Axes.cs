using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>
/// Applies <see cref="AxisOptions"/> to a ScottPlot figure: titles, grid lines, fixed ends and log
/// scales. ScottPlot plots a log axis's values as their base-10 exponents; <see cref="ToPlot"/> maps
/// data values there and <see cref="LogTicks"/> labels the exponents with the values.
/// </summary>
internal static class Axes
{
    public static double ToPlot(AxisOptions axis, double value) =>
        axis.Scale == AxisScale.Log10 ? Math.Log10(value) : value;

    public static double[] ToPlot(AxisOptions axis, IEnumerable<double> values) =>
        values.Select(v => ToPlot(axis, v)).ToArray();

    /// <summary>Labels, grid and limits of both axes; call after every plottable is added.</summary>
    public static void Apply(Plot plot, AxisOptions x, AxisOptions y)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        var (left, right) = Ends(x, limits.Left, limits.Right);
        var (bottom, top) = Ends(y, limits.Bottom, limits.Top);
        plot.Axes.SetLimits(left, right, bottom, top);
        Style(plot, plot.Axes.Bottom, x, left, right);
        Style(plot, plot.Axes.Left, y, bottom, top);
        plot.Grid.XAxisStyle.IsVisible = x.Grid;
        plot.Grid.YAxisStyle.IsVisible = y.Grid;
    }

    /// <summary>Titles and tick label sizes of an axis, without touching its limits.</summary>
    public static void Label(IAxis axis, string? label)
    {
        axis.Label.Text = label ?? "";
        axis.Label.FontSize = Figure.LabelSize;
        axis.Label.Bold = false;
        axis.TickLabelStyle.FontSize = Figure.TickSize;
    }

    private static void Style(Plot plot, IAxis axis, AxisOptions options, double low, double high)
    {
        Label(axis, options.Label);
        if (options.Scale == AxisScale.Log10)
        {
            axis.TickGenerator = LogTicks.For(low, high);
            // Minor grid lines at 2–9 × 10^k show the scale is logarithmic at a glance.
            var style = axis == plot.Axes.Bottom ? plot.Grid.XAxisStyle : plot.Grid.YAxisStyle;
            style.MinorLineStyle.Width = 1;
            style.MinorLineStyle.Color = Colors.Black.WithAlpha(0.05);
        }
    }

    // A fixed end as given (on the plotted scale); a free end where ScottPlot's autoscale put it.
    private static (double Low, double High) Ends(AxisOptions axis, double autoLow, double autoHigh)
    {
        var low = axis.Min is double min ? ToPlot(axis, min) : autoLow;
        var high = axis.Max is double max ? ToPlot(axis, max) : autoHigh;
        if (!(high > low))
        {
            // One fixed end past all the data: give the axis a span on the free side.
            var span = Math.Max(Math.Abs(autoHigh - autoLow), 1);
            (low, high) = axis.Min is null ? (high - span, high) : (low, low + span);
        }
        return (low, high);
    }
}
