namespace ArithLab.Plots.Tests;

public sealed class EscapingTests
{
    private const string Nasty = "a < b & c > \"d\" 'e'";

    [Fact]
    public void Title_series_name_and_labels_round_trip_through_xml()
    {
        var chart = new LineChart(new LineChartOptions { Title = Nasty, X = new AxisOptions { Label = Nasty }, Legend = true })
            .Add(Nasty, [0.0, 1], [0.0, 1]);
        var svg = chart.ToSvg();
        var doc = Svg.Parse(svg);
        Assert.Equal(Nasty, doc.WithClass("text", "title").Single().Value);
        Assert.Equal(Nasty, doc.WithClass("text", "axis-label").Single().Value);
        Assert.Equal(Nasty, doc.WithClass("text", "legend-label").Single().Value);
        Assert.Equal(Nasty, (string?)doc.WithClass("g", "series").Single().Attribute("data-name"));
        Assert.Contains("a &lt; b &amp; c &gt;", svg);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_replaced_not_emitted()
    {
        var svg = new BarChart(["bell\u0007", "ok"]).Add("s", [1.0, 2]).ToSvg();
        var doc = Svg.Parse(svg); // would throw on a raw U+0007
        Assert.Contains(doc.Descendants(Svg.Ns + "text"), t => t.Value == "bell\uFFFD");
    }

    [Fact]
    public void Heatmap_labels_are_escaped()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { 1 } }, new HeatmapOptions { RowLabels = ["<r&>"], ColumnLabels = ["\"c\""], XLabel = "x & y" }).ToSvg());
        var labels = doc.Descendants(Svg.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("<r&>", labels);
        Assert.Contains("\"c\"", labels);
        Assert.Contains("x & y", labels);
    }
}
