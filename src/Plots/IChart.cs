namespace ArithLab.Plots;

/// <summary>A chart that renders to a standalone SVG document.</summary>
public interface IChart
{
    /// <summary>The whole SVG document, with a fixed viewBox of the chart's width and height.</summary>
    string ToSvg();

    /// <summary>Writes <see cref="ToSvg"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    void SaveAs(string path);
}
