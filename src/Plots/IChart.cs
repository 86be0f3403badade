namespace ArithLab.Plots;

/// <summary>A chart that ScottPlot renders to PNG or SVG at the chart's width and height.</summary>
public interface IChart
{
    /// <summary>The whole SVG document, Width × Height pixels.</summary>
    string ToSvg();

    /// <summary>A PNG image, Width × Height pixels.</summary>
    byte[] ToPng();

    /// <summary>
    /// Writes the chart to <paramref name="path"/> atomically (temp file, then rename), as PNG or SVG
    /// by the file's extension (.png, .svg).
    /// </summary>
    void SaveAs(string path);
}
