using System.Globalization;
using System.Xml.Linq;

namespace ArithLab.Plots.Tests;

/// <summary>Reading charts back: parse the SVG and pick out elements by their class.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    public static IEnumerable<XElement> WithClass(this XContainer doc, string name, string cls) =>
        doc.Descendants(Ns + name).Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cls));

    public static XElement Group(this XContainer doc, string cls) => doc.WithClass("g", cls).Single();

    public static double Num(this XElement e, string attribute) =>
        double.Parse((string?)e.Attribute(attribute) ?? throw new InvalidOperationException($"no attribute {attribute} on {e.Name.LocalName}"),
            NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>x, y, width, height of the plot-area rectangle.</summary>
    public static (double X, double Y, double W, double H) PlotArea(this XDocument doc)
    {
        var r = doc.WithClass("rect", "plot-area").Single();
        return (r.Num("x"), r.Num("y"), r.Num("width"), r.Num("height"));
    }

    public static List<(double X, double Y)> Points(this XElement polyline) =>
        ((string)polyline.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>SVG coordinates are written to two decimals.</summary>
    public const double Tolerance = 0.006;
}
