namespace ArithLab.Plots.Rendering;

/// <summary>The lab's colour types as ScottPlot's.</summary>
internal static class ScottColors
{
    public static ScottPlot.Color ToScott(this Rgb rgb) => new(rgb.R, rgb.G, rgb.B);

    public static ScottPlot.IColormap ToScott(this ColorMap map) => new Colormap(map);

    /// <summary>A <see cref="ColorMap"/> as ScottPlot's colormap: the same stops, so cells and colour bar match.</summary>
    private sealed class Colormap(ColorMap map) : ScottPlot.IColormap
    {
        public string Name => map.Name;

        public ScottPlot.Color GetColor(double position) => map.At(double.IsNaN(position) ? 0 : position).ToScott();
    }
}
