using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>Legends sit in a panel right of the data, never over a curve.</summary>
internal static class Legends
{
    public static void Right(Plot plot, IEnumerable<LegendItem>? items = null)
    {
        if (items is not null)
        {
            plot.Legend.ManualItems.AddRange(items);
        }
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = Figure.TickSize;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
    }
}
