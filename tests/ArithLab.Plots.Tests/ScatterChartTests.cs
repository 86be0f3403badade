namespace ArithLab.Plots.Tests;

public sealed class ScatterChartTests
{
    [Fact]
    public void Points_coloured_by_value_take_the_map_colour_and_get_a_colour_bar()
    {
        var chart = new ScatterChart(new ScatterChartOptions { ColorBarLabel = "digit" })
            .Add(new ScatterSeries("n", [0.0, 1, 2], [0.0, 1, 0]) { Values = [0.0, 5, 10] });
        using var plot = chart.BuildPlot();
        var markers = plot.GetPlottables<ScottPlot.Plottables.Marker>().ToList();
        Assert.Equal(3, markers.Count);
        Assert.Equal("#440154", Hex(markers[0].MarkerFillColor));
        Assert.Equal("#fde725", Hex(markers[2].MarkerFillColor));
        var bar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
        Assert.Equal("digit", bar.Label);
        Assert.Equal((0.0, 10.0), chart.ValueRange());
    }

    [Fact]
    public void Series_get_palette_colours_and_a_legend()
    {
        using var plot = new ScatterChart().Add("even", [0.0], [0.0]).Add("odd", [1.0], [1.0]).BuildPlot();
        var dots = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(new[] { "#1f77b4", "#ff7f0e" }, dots.Select(d => Hex(d.MarkerFillColor)));
        Assert.Equal(new[] { "even", "odd" }, plot.Legend.GetItems().Select(i => i.LabelText));
    }

    [Fact]
    public void Point_labels_are_written_at_their_points()
    {
        using var plot = new ScatterChart().Add(new ScatterSeries("n", [1.0, -1], [0.0, 0]) { Labels = ["0", null] }).BuildPlot();
        var label = plot.GetPlottables<ScottPlot.Plottables.Text>().Single();
        Assert.Equal("0", label.LabelText);
        Assert.Equal((1.0, 0.0), (label.Location.X, label.Location.Y));
        Assert.True(label.OffsetX > 0, "a label right of the centre is pushed further right");
    }

    [Fact]
    public void Nan_points_are_skipped()
    {
        using var plot = new ScatterChart().Add("p", [double.NaN, 1], [0.0, 1]).BuildPlot();
        Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single().Data.GetScatterPoints());
    }

    [Fact]
    public void Label_count_must_match_points()
    {
        var e = Assert.Throws<ArgumentException>(() => new ScatterChart().Add(new ScatterSeries("p", [0.0, 1], [0.0, 1]) { Labels = ["a"] }));
        Assert.Contains("X has 2 values but Labels has 1", e.Message);
    }

    private static string Hex(ScottPlot.Color c) => new Rgb(c.R, c.G, c.B).Hex;
}
