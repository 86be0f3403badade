using System.Xml.Linq;
using System.Globalization;

namespace ArithLab.Plots.Tests;

public sealed class SvgDocumentTests
{
    public static TheoryData<string> Charts() => new() { "line", "heatmap", "scatter", "bar" };

    internal static IChart Make(string kind) => kind switch
    {
        "line" => new LineChart(new LineChartOptions { Title = "t", Width = 500, Height = 300 }).Add("a", [0.0, 1, 2], [1.0, 2, 3]),
        "heatmap" => new Heatmap(new double[,] { { 0, 1 }, { 0.5, double.NaN } }, new HeatmapOptions { Width = 500, Height = 300 }),
        "scatter" => new ScatterChart(new ScatterChartOptions { Width = 500, Height = 300 }).Add("p", [0.0, 1], [0.0, 1]),
        _ => new BarChart(["x", "y"], new BarChartOptions { Width = 500, Height = 300 }).Add("b", [1.0, 2]),
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_chart_is_well_formed_svg_with_a_fixed_viewbox(string kind)
    {
        var doc = Svg.Parse(Make(kind).ToSvg());
        var root = doc.Root!;
        Assert.Equal(Svg.Ns + "svg", root.Name);
        Assert.Equal("0 0 500 300", (string?)root.Attribute("viewBox"));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Numbers_are_invariant_whatever_the_current_culture(string kind)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes 0.5 as "0,5" would break coordinate lists and SVG numbers.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            var doc = Svg.Parse(Make(kind).ToSvg());
            foreach (var attribute in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "cx" or "cy" or "x1" or "y1"))
            {
                Assert.True(double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{attribute.Name}=\"{attribute.Value}\"");
                Assert.DoesNotContain(",", attribute.Value);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
