using ScottPlot;

namespace ArithLab.Plots.Rendering;

/// <summary>A colour map over a value range, for a colour bar that no heatmap owns (points coloured by value).</summary>
internal sealed class ColorScale(IColormap colormap, double min, double max) : IHasColorAxis
{
    public IColormap Colormap { get; set; } = colormap;

    public ScottPlot.Range GetRange() => new(min, max);
}
