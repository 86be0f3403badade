namespace ArithLab.Plots.Tests;

public sealed class LineChartTests
{
    [Fact]
    public void Points_land_where_the_linear_mapping_puts_them()
    {
        double[] x = [0, 2.5, 7, 10];
        double[] y = [0.1, 0.9, 0.45, 1];
        var chart = new LineChart(new LineChartOptions
        {
            X = new AxisOptions { Min = 0, Max = 10 },
            Y = new AxisOptions { Min = 0, Max = 1 },
        }).Add("s", x, y);
        var doc = Svg.Parse(chart.ToSvg());
        var (left, top, w, h) = doc.PlotArea();
        var points = doc.WithClass("polyline", "line").Single().Points();

        Assert.Equal(x.Length, points.Count);
        for (var i = 0; i < x.Length; i++)
        {
            // px = left + (x − xmin)/(xmax − xmin)·w;  py = top + h − (y − ymin)/(ymax − ymin)·h
            Assert.Equal(left + x[i] / 10 * w, points[i].X, Svg.Tolerance);
            Assert.Equal(top + h - y[i] * h, points[i].Y, Svg.Tolerance);
        }
    }

    [Fact]
    public void Points_land_where_the_log_mapping_puts_them()
    {
        double[] x = [1, 10, 100, 1000];
        double[] y = [2, 0.5, 0.03, 0.002];
        var chart = new LineChart(new LineChartOptions
        {
            X = new AxisOptions { Scale = AxisScale.Log10, Min = 1, Max = 1000 },
            Y = new AxisOptions { Scale = AxisScale.Log10, Min = 0.001, Max = 10 },
        }).Add("s", x, y);
        var doc = Svg.Parse(chart.ToSvg());
        var (left, top, w, h) = doc.PlotArea();
        var points = doc.WithClass("polyline", "line").Single().Points();

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(left + Math.Log10(x[i]) / 3 * w, points[i].X, Svg.Tolerance);
            Assert.Equal(top + h - (Math.Log10(y[i]) + 3) / 4 * h, points[i].Y, Svg.Tolerance);
        }
    }

    [Fact]
    public void Free_axis_ends_round_out_to_nice_ticks()
    {
        var doc = Svg.Parse(new LineChart().Add("acc", [0.0, 100], [0.0, 0.97]).ToSvg());
        var yTicks = doc.Group("y-axis").WithClass("line", "major").Select(t => t.Num("data-value")).ToList();
        var labels = doc.Group("y-axis").WithClass("text", "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(0, yTicks[0]);
        Assert.Equal(1, yTicks[^1]);
        Assert.Contains("0.2", labels);
        Assert.DoesNotContain(labels, l => l.Length > 4); // no 0.30000000000000004
        // The top tick sits on the top edge of the plot: the axis ends at 1.
        var (_, top, _, _) = doc.PlotArea();
        Assert.Equal(top, doc.Group("y-axis").WithClass("line", "major").Last().Num("y1"), Svg.Tolerance);
    }

    [Fact]
    public void Nan_breaks_the_line_into_separate_runs()
    {
        var doc = Svg.Parse(new LineChart().Add("s", [0.0, 1, 2, 3, 4, 5, 6], [1.0, 2, double.NaN, 3, 4, double.NaN, 5]).ToSvg());
        var lines = doc.WithClass("polyline", "line").ToList();
        Assert.Equal(new[] { 2, 2 }, lines.Select(l => l.Points().Count));
        // The lone last point (6, 5) cannot be a line: it is drawn as a marker so it does not vanish.
        Assert.Single(doc.WithClass("circle", "marker"));
    }

    [Fact]
    public void Nan_in_x_also_breaks_the_line()
    {
        var doc = Svg.Parse(new LineChart().Add("s", [0.0, 1, double.NaN, 3, 4], [1.0, 2, 3, 4, 5]).ToSvg());
        Assert.Equal(2, doc.WithClass("polyline", "line").Count());
    }

    [Fact]
    public void Markers_are_drawn_at_every_point_when_asked()
    {
        var doc = Svg.Parse(new LineChart().Add(new LineSeries("s", [0.0, 1, 2], [1.0, 2, 3]) { Markers = true }).ToSvg());
        var line = doc.WithClass("polyline", "line").Single().Points();
        var markers = doc.WithClass("circle", "marker").Select(c => (c.Num("cx"), c.Num("cy"))).ToList();
        Assert.Equal(line, markers);
    }

    [Fact]
    public void Legend_names_each_series_in_its_colour()
    {
        var doc = Svg.Parse(new LineChart()
            .Add("train", [0.0, 1], [1.0, 2])
            .Add(new LineSeries("eval", [0.0, 1], [2.0, 1]) { Color = Rgb.FromHex("#123456") }).ToSvg());
        Assert.Equal(new[] { "train", "eval" }, doc.WithClass("text", "legend-label").Select(t => t.Value));
        Assert.Equal("#123456", (string?)doc.WithClass("g", "series").Last().Descendants(Svg.Ns + "polyline").Single().Attribute("stroke"));
        Assert.Equal(Palette.Category(0).Hex, (string?)doc.WithClass("g", "series").First().Descendants(Svg.Ns + "polyline").Single().Attribute("stroke"));
    }

    [Fact]
    public void A_single_series_has_no_legend_unless_asked()
    {
        Assert.Empty(Svg.Parse(new LineChart().Add("s", [0.0, 1], [0.0, 1]).ToSvg()).WithClass("g", "legend"));
        Assert.Single(Svg.Parse(new LineChart(new LineChartOptions { Legend = true }).Add("s", [0.0, 1], [0.0, 1]).ToSvg()).WithClass("g", "legend"));
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_with_the_series_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart().Add("loss", [0.0, 1, 2], [1.0]));
        Assert.Contains("loss", e.Message);
    }

    [Fact]
    public void Reversed_fixed_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LineChart(new LineChartOptions { X = new AxisOptions { Min = 5, Max = 1 } }));
    }

    [Fact]
    public void Constant_series_still_gets_a_range()
    {
        var doc = Svg.Parse(new LineChart().Add("flat", [0.0, 1, 2], [3.0, 3, 3]).ToSvg());
        var points = doc.WithClass("polyline", "line").Single().Points();
        var (_, top, _, h) = doc.PlotArea();
        Assert.All(points, p => Assert.InRange(p.Y, top + 1, top + h - 1));
    }
}
