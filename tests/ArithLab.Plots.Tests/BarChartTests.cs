namespace ArithLab.Plots.Tests;

public sealed class BarChartTests
{
    private static List<ScottPlot.Bar> Bars(BarChart chart)
    {
        using var plot = chart.BuildPlot();
        return plot.GetPlottables<ScottPlot.Plottables.BarPlot>().SelectMany(p => p.Bars).OrderBy(b => b.Position).ToList();
    }

    [Fact]
    public void Groups_hold_one_bar_per_series_side_by_side_from_zero()
    {
        var bars = Bars(new BarChart(["add", "sub"]).Add("abacus", [0.9, 0.5]).Add("coupled", [0.8, 0.6]));
        Assert.Equal(new[] { 0.9, 0.8, 0.5, 0.6 }, bars.Select(b => b.Value));
        Assert.All(bars, b => Assert.Equal(0, b.ValueBase));
        // Within a category the bars touch and stay inside its band.
        Assert.Equal(bars[0].Position + bars[0].Size, bars[1].Position, 9);
        Assert.True(bars[1].Position + bars[1].Size / 2 < 0.5);
    }

    [Fact]
    public void Value_labels_use_the_given_format()
    {
        var bars = Bars(new BarChart(["add"], new BarChartOptions { ShowValues = true, ValueFormat = v => $"{v * 100:0}%" }).Add("s", [0.42]));
        Assert.Equal("42%", bars.Single().Label);
    }

    [Fact]
    public void Nan_leaves_the_bar_out()
    {
        Assert.Single(Bars(new BarChart(["a", "b"]).Add("s", [double.NaN, 1])));
    }

    [Fact]
    public void The_value_axis_includes_zero()
    {
        using var plot = new BarChart(["a", "b"]).Add("s", [5.0, 7]).BuildPlot();
        Assert.True(plot.Axes.GetLimits().Bottom <= 0);
    }

    [Fact]
    public void A_log_value_axis_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new BarChart(["a"], new BarChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10 } }));
        Assert.Contains("linear value axis", e.Message);
    }

    [Fact]
    public void Series_length_must_match_categories()
    {
        var e = Assert.Throws<ArgumentException>(() => new BarChart(["a", "b"]).Add("s", [1.0]));
        Assert.Contains("series 's' has 1 values but the chart has 2 categories", e.Message);
    }
}
