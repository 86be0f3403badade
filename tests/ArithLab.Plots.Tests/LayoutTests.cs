namespace ArithLab.Plots.Tests;

public sealed class LayoutTests
{
    private static double PlotLeft(double yMax) =>
        Svg.Parse(new LineChart().Add("s", [0.0, 1], [0.0, yMax]).ToSvg()).PlotArea().X;

    [Fact]
    public void Wider_tick_labels_push_the_plot_right()
    {
        // "1.0" against "1000000"-wide labels ("1e6" is short, so stay below a million).
        Assert.True(PlotLeft(500_000) > PlotLeft(1) + 10, $"{PlotLeft(500_000)} vs {PlotLeft(1)}");
    }

    [Fact]
    public void A_legend_takes_room_from_the_plot_not_from_the_canvas()
    {
        var one = Svg.Parse(new LineChart().Add("s", [0.0, 1], [0.0, 1]).ToSvg()).PlotArea();
        var two = Svg.Parse(new LineChart().Add("short", [0.0, 1], [0.0, 1]).Add("a much longer series name", [0.0, 1], [1.0, 0]).ToSvg()).PlotArea();
        Assert.True(two.W < one.W - 100, $"{two.W} vs {one.W}");
    }

    [Fact]
    public void A_title_too_long_for_the_canvas_is_set_smaller()
    {
        var doc = Svg.Parse(new LineChart(new LineChartOptions { Width = 300, Title = new string('W', 80) }).ToSvg());
        var title = doc.WithClass("text", "title").Single();
        Assert.True(title.Num("font-size") < 15);
    }

    [Fact]
    public void Short_heatmaps_get_a_colour_bar_with_few_ticks()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { 0, 0.5, 1 } }, new HeatmapOptions { Width = 600, Height = 600 }).ToSvg());
        Assert.InRange(doc.Group("colorbar").WithClass("line", "major").Count(), 2, 5);
    }
}
