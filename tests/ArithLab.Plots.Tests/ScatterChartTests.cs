namespace ArithLab.Plots.Tests;

public sealed class ScatterChartTests
{
    [Fact]
    public void Points_land_where_the_mapping_puts_them()
    {
        double[] x = [-1, 0, 2];
        double[] y = [5, -5, 0];
        var doc = Svg.Parse(new ScatterChart(new ScatterChartOptions
        {
            X = new AxisOptions { Min = -2, Max = 2 },
            Y = new AxisOptions { Min = -10, Max = 10 },
        }).Add("p", x, y).ToSvg());
        var (left, top, w, h) = doc.PlotArea();
        var points = doc.WithClass("circle", "point").Select(c => (X: c.Num("cx"), Y: c.Num("cy"))).ToList();
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(left + (x[i] + 2) / 4 * w, points[i].X, Svg.Tolerance);
            Assert.Equal(top + h - (y[i] + 10) / 20 * h, points[i].Y, Svg.Tolerance);
        }
    }

    [Fact]
    public void Equal_aspect_gives_both_axes_the_same_pixels_per_unit()
    {
        var angles = Enumerable.Range(0, 10).Select(d => 2 * Math.PI * d / 10).ToArray();
        var doc = Svg.Parse(new ScatterChart(new ScatterChartOptions { EqualAspect = true, Width = 800, Height = 400 })
            .Add("clock", angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray()).ToSvg());
        static double PixelsPerUnit(System.Xml.Linq.XElement axis, string coordinate)
        {
            var ticks = axis.WithClass("line", "major").ToList();
            return Math.Abs(ticks[^1].Num(coordinate) - ticks[0].Num(coordinate)) / (ticks[^1].Num("data-value") - ticks[0].Num("data-value"));
        }
        Assert.Equal(PixelsPerUnit(doc.Group("x-axis"), "x1"), PixelsPerUnit(doc.Group("y-axis"), "y1"), 0.05);
    }

    [Fact]
    public void Points_keep_clear_of_the_frame()
    {
        var doc = Svg.Parse(new ScatterChart().Add("p", [0.0, 1], [0.0, 1]).ToSvg());
        var (left, top, w, h) = doc.PlotArea();
        foreach (var c in doc.WithClass("circle", "point"))
        {
            Assert.InRange(c.Num("cx"), left + c.Num("r"), left + w - c.Num("r"));
            Assert.InRange(c.Num("cy"), top + c.Num("r"), top + h - c.Num("r"));
        }
    }

    [Fact]
    public void Colour_by_value_uses_the_map_and_draws_a_colour_bar()
    {
        var doc = Svg.Parse(new ScatterChart()
            .Add(new ScatterSeries("digits", [0.0, 1, 2], [0.0, 1, 0]) { Values = [0, 4.5, 9] }).ToSvg());
        var fills = doc.WithClass("circle", "point").Select(c => (string?)c.Attribute("fill")).ToList();
        Assert.Equal(new[] { "#440154", ColorMap.Viridis.At(0.5).Hex, "#fde725" }, fills);
        Assert.Single(doc.WithClass("g", "colorbar"));
    }

    [Fact]
    public void Categories_get_palette_colours_and_a_legend()
    {
        var doc = Svg.Parse(new ScatterChart().Add("odd", [1.0], [1.0]).Add("even", [2.0], [2.0]).ToSvg());
        var fills = doc.WithClass("circle", "point").Select(c => (string?)c.Attribute("fill")).ToList();
        Assert.Equal(new[] { Palette.Category(0).Hex, Palette.Category(1).Hex }, fills);
        Assert.Equal(new[] { "odd", "even" }, doc.WithClass("text", "legend-label").Select(t => t.Value));
    }

    [Fact]
    public void Point_labels_are_written_next_to_their_points()
    {
        var doc = Svg.Parse(new ScatterChart()
            .Add(new ScatterSeries("n", [0.0, 1, 2], [0.0, 1, 2]) { Labels = ["zero", null, "two"] }).ToSvg());
        var labels = doc.WithClass("text", "point-label").ToList();
        Assert.Equal(new[] { "zero", "two" }, labels.Select(l => l.Value));
        var points = doc.WithClass("circle", "point").ToList();
        Assert.InRange(Math.Abs(labels[0].Num("x") - points[0].Num("cx")), 0, 20);
        Assert.InRange(Math.Abs(labels[1].Num("x") - points[2].Num("cx")), 0, 20);
    }

    [Fact]
    public void Nan_points_are_skipped()
    {
        var doc = Svg.Parse(new ScatterChart().Add("p", [0.0, double.NaN, 2], [0.0, 1, 2]).ToSvg());
        Assert.Equal(2, doc.WithClass("circle", "point").Count());
    }

    [Fact]
    public void Label_count_must_match_points()
    {
        Assert.Throws<ArgumentException>(() => new ScatterChart().Add(new ScatterSeries("p", [0.0, 1], [0.0, 1]) { Labels = ["a"] }));
    }
}
