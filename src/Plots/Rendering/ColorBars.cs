using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>A colour bar right of the data, titled, with about six labelled ticks.</summary>
internal static class ColorBars
{
    public static void Add(Plot plot, IHasColorAxis source, string? label)
    {
        var bar = plot.Add.ColorBar(source);
        bar.Label = label ?? "";
        bar.LabelStyle.FontSize = Figure.LabelSize;
        bar.LabelStyle.Bold = false;
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 6 };
    }
}
