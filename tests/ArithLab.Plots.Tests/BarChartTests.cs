namespace ArithLab.Plots.Tests;

public sealed class BarChartTests
{
    [Fact]
    public void Bars_rise_from_zero_in_proportion_to_their_values()
    {
        var doc = Svg.Parse(new BarChart(["a", "b", "c"], new BarChartOptions { Y = new AxisOptions { Min = 0, Max = 1 } })
            .Add("s", [0.25, 1, 0.5]).ToSvg());
        var (_, top, _, h) = doc.PlotArea();
        var bars = doc.WithClass("rect", "bar").ToList();
        double[] expected = [0.25, 1, 0.5];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i] * h, bars[i].Num("height"), Svg.Tolerance * 2);
            Assert.Equal(top + h, bars[i].Num("y") + bars[i].Num("height"), Svg.Tolerance * 2);
        }
    }

    [Fact]
    public void Groups_hold_one_bar_per_series_side_by_side_within_each_category()
    {
        var doc = Svg.Parse(new BarChart(["x", "y"]).Add("s1", [1.0, 2]).Add("s2", [3.0, 4]).ToSvg());
        var (left, _, w, _) = doc.PlotArea();
        var s1 = doc.WithClass("g", "series").First().Elements(Svg.Ns + "rect").ToList();
        var s2 = doc.WithClass("g", "series").Last().Elements(Svg.Ns + "rect").ToList();
        for (var c = 0; c < 2; c++)
        {
            // Category c owns the band [left + c·w/2, left + (c+1)·w/2]; its bars sit inside it, s1 then s2.
            Assert.InRange(s1[c].Num("x"), left + c * w / 2, left + (c + 1) * w / 2);
            Assert.Equal(s1[c].Num("x") + s1[c].Num("width"), s2[c].Num("x"), Svg.Tolerance);
            Assert.InRange(s2[c].Num("x") + s2[c].Num("width"), left + c * w / 2, left + (c + 1) * w / 2);
        }
        Assert.Equal(new[] { "x", "y" }, doc.Group("x-axis").WithClass("text", "tick-label").Select(t => t.Value));
    }

    [Fact]
    public void Negative_values_hang_below_zero()
    {
        var doc = Svg.Parse(new BarChart(["up", "down"], new BarChartOptions { Y = new AxisOptions { Min = -1, Max = 1 } }).Add("s", [0.5, -0.5]).ToSvg());
        var (_, top, _, h) = doc.PlotArea();
        var zero = top + h / 2;
        var bars = doc.WithClass("rect", "bar").ToList();
        Assert.Equal(zero, bars[0].Num("y") + bars[0].Num("height"), Svg.Tolerance * 2);
        Assert.Equal(zero, bars[1].Num("y"), Svg.Tolerance * 2);
    }

    [Fact]
    public void Value_labels_use_the_given_format()
    {
        var doc = Svg.Parse(new BarChart(["a", "b"], new BarChartOptions { ShowValues = true, ValueFormat = CellText.Percent }).Add("s", [0.973, 0.5]).ToSvg());
        Assert.Equal(new[] { "97", "50" }, doc.WithClass("text", "bar-value").Select(t => t.Value));
    }

    [Fact]
    public void Nan_leaves_the_bar_out()
    {
        var doc = Svg.Parse(new BarChart(["a", "b"]).Add("s", [1.0, double.NaN]).ToSvg());
        Assert.Single(doc.WithClass("rect", "bar"));
    }

    [Fact]
    public void Log_value_axis_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BarChart(["a"], new BarChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10 } }));
    }

    [Fact]
    public void Series_length_must_match_categories()
    {
        Assert.Throws<ArgumentException>(() => new BarChart(["a", "b"]).Add("s", [1.0]));
    }

    [Fact]
    public void Many_numeric_categories_are_labelled_at_round_multiples()
    {
        var categories = Enumerable.Range(0, 57).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var doc = Svg.Parse(new BarChart(categories, new BarChartOptions { Width = 640 }).Add("norm", categories.Select(c => 1.0).ToArray()).ToSvg());
        var labels = doc.Group("x-axis").WithClass("text", "tick-label").Select(t => int.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(labels.Count is > 3 and < 57, $"{labels.Count} labels");
        var step = labels[1] - labels[0];
        Assert.All(labels, l => Assert.Equal(0, l % step));
        Assert.Equal(57, doc.WithClass("rect", "bar").Count());
    }

    [Fact]
    public void Long_category_names_are_slanted_not_dropped()
    {
        string[] names = ["addition (reversed)", "subtraction with index hints", "multiplication", "sorting"];
        var doc = Svg.Parse(new BarChart(names, new BarChartOptions { Width = 500 }).Add("s", [1.0, 2, 3, 4]).ToSvg());
        var labels = doc.Group("x-axis").WithClass("text", "tick-label").ToList();
        Assert.Equal(names, labels.Select(t => t.Value));
        Assert.All(labels, t => Assert.StartsWith("rotate(-45", (string?)t.Attribute("transform")));
    }

    [Fact]
    public void A_value_label_with_no_room_above_its_bar_goes_inside_it()
    {
        var doc = Svg.Parse(new BarChart(["full", "half"], new BarChartOptions { ShowValues = true, Y = new AxisOptions { Min = 0, Max = 1 } })
            .Add("s", [1.0, 0.5]).ToSvg());
        var (_, top, _, _) = doc.PlotArea();
        var bars = doc.WithClass("rect", "bar").ToList();
        var labels = doc.WithClass("text", "bar-value").ToList();
        Assert.InRange(labels[0].Num("y"), top, bars[0].Num("y") + bars[0].Num("height"));
        Assert.True(labels[1].Num("y") <= bars[1].Num("y"), "a label with room sits above its bar");
    }
}
