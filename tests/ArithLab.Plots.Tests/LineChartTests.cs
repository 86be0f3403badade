using ScottPlot;

namespace ArithLab.Plots.Tests;

public sealed class LineChartTests
{
    private static List<ScottPlot.Plottables.Scatter> Lines(LineChart chart)
    {
        using var plot = chart.BuildPlot();
        return plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
    }

    [Fact]
    public void Nan_breaks_the_line_into_runs_named_once_in_the_legend()
    {
        var lines = Lines(new LineChart().Add("loss", [0.0, 1, 2, 3, 4, 5], [1.0, 2, double.NaN, 3, 4, 5]));
        Assert.Equal(new[] { 2, 3 }, lines.Select(l => l.Data.GetScatterPoints().Count));
        Assert.Equal(new[] { "loss", null }, lines.Select(l => string.IsNullOrEmpty(l.LegendText) ? null : l.LegendText));
    }

    [Fact]
    public void A_lone_point_between_gaps_gets_a_marker()
    {
        var lines = Lines(new LineChart().Add("s", [0.0, 1, 2, 3, 4], [1.0, 2, double.NaN, 3, double.NaN]));
        Assert.Equal(MarkerShape.FilledCircle, lines[1].MarkerShape);
        Assert.True(lines[1].MarkerSize > 0);
    }

    [Fact]
    public void The_legend_sits_right_of_the_data()
    {
        using var plot = new LineChart().Add("train", [0.0, 1], [1.0, 2]).Add("held out", [0.0, 1], [2.0, 3]).BuildPlot();
        var panel = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Single();
        Assert.Equal(Edge.Right, panel.Edge);
        Assert.Equal(new[] { "train", "held out" }, plot.Legend.GetItems().Select(i => i.LabelText));
    }

    [Fact]
    public void A_series_kept_out_of_the_legend_is_drawn_but_not_listed()
    {
        using var plot = new LineChart()
            .Add(new LineSeries("mean", [0.0, 1], [1.0, 2]))
            .Add(new LineSeries("lowest seed", [0.0, 1], [0.5, 1.5]) { Dashed = true, InLegend = false })
            .Add(new LineSeries("other", [0.0, 1], [2.0, 3]))
            .BuildPlot();
        Assert.Equal(new[] { "mean", "other" }, plot.Legend.GetItems().Select(i => i.LabelText));
        Assert.Equal(3, plot.GetPlottables<ScottPlot.Plottables.Scatter>().Count());
    }

    [Fact]
    public void A_single_series_has_no_legend_unless_asked()
    {
        using var plot = new LineChart().Add("s", [0.0, 1], [1.0, 2]).BuildPlot();
        Assert.Empty(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
    }

    [Fact]
    public void A_legend_turned_off_is_not_drawn_anywhere()
    {
        using var plot = new LineChart(new LineChartOptions { Legend = false }).Add("a", [0.0, 1], [1.0, 2]).Add("b", [0.0, 1], [2.0, 3]).BuildPlot();
        Assert.Empty(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.False(plot.Legend.IsVisible);
    }

    [Fact]
    public void Fixed_ends_are_kept_and_free_ends_fit_the_data()
    {
        using var plot = new LineChart(new LineChartOptions { Y = new AxisOptions { Min = 0, Max = 1 } }).Add("acc", [0.0, 10], [0.2, 0.7]).BuildPlot();
        var limits = plot.Axes.GetLimits();
        Assert.Equal((0.0, 1.0), (limits.Bottom, limits.Top));
        Assert.True(limits.Left <= 0 && limits.Right >= 10);
    }

    [Fact]
    public void Mismatched_lengths_are_refused_with_the_series_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart().Add("loss", [0.0, 1], [1.0]));
        Assert.Contains("series 'loss': X has 2 values but Y has 1", e.Message);
    }

    [Fact]
    public void A_reversed_fixed_range_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart(new LineChartOptions { X = new AxisOptions { Min = 5, Max = 1 } }));
        Assert.Contains("Max (1) must be greater than Min (5)", e.Message);
    }
}
