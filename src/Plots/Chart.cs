using ScottPlot;

namespace ArithLab.Plots;

/// <summary>
/// What every chart shares: it describes itself as a ScottPlot <see cref="Plot"/>, which ScottPlot
/// renders to PNG or SVG. The public chart types keep ScottPlot out of their signatures, so that
/// the lab's code draws figures without depending on the plotting library.
/// </summary>
public abstract class Chart : IChart
{
    private protected Chart()
    {
    }

    private protected abstract double PixelWidth { get; }

    private protected abstract double PixelHeight { get; }

    public string ToSvg()
    {
        using var plot = BuildPlot();
        return plot.GetSvgXml(Pixels(PixelWidth), Pixels(PixelHeight));
    }

    public byte[] ToPng()
    {
        using var plot = BuildPlot();
        return plot.GetImageBytes(Pixels(PixelWidth), Pixels(PixelHeight), ImageFormat.Png);
    }

    public void SaveAs(string path) => ChartFile.Save(this, path);

    /// <summary>The ScottPlot figure this chart draws; a new one each call (the caller disposes it).</summary>
    internal abstract Plot BuildPlot();

    private static int Pixels(double size) => (int)Math.Round(size);
}
