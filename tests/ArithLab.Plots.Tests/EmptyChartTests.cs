namespace ArithLab.Plots.Tests;

public sealed class EmptyChartTests
{
    [Fact]
    public void A_chart_without_data_still_draws_its_axes()
    {
        var doc = Svg.Parse(new LineChart(new LineChartOptions { Title = "waiting for the first eval" }).ToSvg());
        Assert.NotEmpty(doc.Group("x-axis").WithClass("line", "major"));
        Assert.Empty(doc.WithClass("polyline", "line"));
    }

    [Fact]
    public void A_series_of_only_nan_draws_nothing_and_does_not_throw()
    {
        var doc = Svg.Parse(new ScatterChart().Add("p", [double.NaN], [double.NaN]).ToSvg());
        Assert.Empty(doc.WithClass("circle", "point"));
    }

    [Fact]
    public void An_all_nan_heatmap_is_all_hatched()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { double.NaN, double.NaN } }).ToSvg());
        Assert.Equal(2, doc.WithClass("rect", "missing").Count());
    }

    [Fact]
    public void A_chart_too_small_for_its_labels_says_so()
    {
        var chart = new LineChart(new LineChartOptions { Width = 100, Height = 100, Title = "t", X = new AxisOptions { Label = "x" }, Y = new AxisOptions { Label = "y" } })
            .Add("s", [0.0, 1e9], [0.0, 1e9]);
        var e = Assert.Throws<ArgumentException>(() => chart.ToSvg());
        Assert.Contains("too small", e.Message);
    }
}
