using System.Globalization;
using ScottPlot;

namespace ArithLab.Plots.Tests;

public sealed class HeatmapTests
{
    // Rows are a lengths 1..3, columns b lengths 1..4; NaN: not evaluated.
    private static readonly double[,] Grid = new double[,]
    {
        { 1.0, 0.974, 0.5, 0.25 },
        { 0.93, 0.004, double.NaN, 0.0 },
        { 0.615, 0.125, 0.333, 0.999 },
    };

    private static Heatmap Chart(bool bottomUp = true, CellRegion? region = null) => new(Grid, new HeatmapOptions
    {
        Min = 0,
        Max = 1,
        CellText = CellText.Percent,
        RowsBottomUp = bottomUp,
        Region = region,
    });

    // The drawn texts, located by where they sit: column = floor(x), display row from the top = floor(y) counted down.
    private static Dictionary<(int Row, int Column), string> DrawnTexts(Heatmap chart)
    {
        using var plot = chart.BuildPlot();
        return plot.GetPlottables<ScottPlot.Plottables.Text>().ToDictionary(
            t => (chart.Options.RowsBottomUp ? (int)Math.Floor(t.Location.Y) : chart.Rows - 1 - (int)Math.Floor(t.Location.Y), (int)Math.Floor(t.Location.X)),
            t => t.LabelText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cell_annotations_equal_the_grid_values_in_percent(bool bottomUp)
    {
        var texts = DrawnTexts(Chart(bottomUp));
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                if (double.IsNaN(Grid[r, c]))
                {
                    Assert.False(texts.ContainsKey((r, c)), $"cell ({r}, {c}) is not evaluated but has text");
                    continue;
                }
                // Whole percent, rounded half away from zero by hand: 0.974 → 97, 0.004 → 0, 0.999 → 100.
                var expected = ((int)(Grid[r, c] * 100 + 0.5)).ToString(CultureInfo.InvariantCulture);
                Assert.Equal(expected, texts[(r, c)]);
            }
        }
        Assert.Equal(11, texts.Count);
    }

    [Fact]
    public void Cell_colours_follow_viridis_on_the_fixed_range()
    {
        using var r = new Rendered(Chart(), 720, 600);
        // Sample near a cell's corner, away from its text. Row 0 is at the bottom (y in [0, 1]).
        Assert.True(Rendered.Near(Rgb.FromHex("#fde725"), r.ColorAt(0.15, 0.15)), "1.0 should be viridis' last colour");
        Assert.True(Rendered.Near(Rgb.FromHex("#440154"), r.ColorAt(3.15, 1.15)), "0.0 should be viridis' first colour");
        Assert.True(Rendered.Near(Rgb.FromHex("#21918c"), r.ColorAt(2.15, 0.15), 4), "0.5 should be viridis' middle colour");
    }

    [Fact]
    public void The_training_region_is_outlined_in_its_colour()
    {
        using var r = new Rendered(Chart(region: new CellRegion(0, 0, 2, 2)), 720, 600);
        // The outline runs along x = 2 between rows 0 and 1 (y in [0, 2]).
        Assert.True(Rendered.Near(new Rgb(0xe4, 0x1a, 0x1c), r.ColorAt(2, 1.25), 30));
        Assert.False(Rendered.Near(new Rgb(0xe4, 0x1a, 0x1c), r.ColorAt(3, 1.25), 30));
    }

    [Fact]
    public void The_colour_bar_spans_the_fixed_range_not_the_data()
    {
        using var plot = new Heatmap(new double[,] { { 0.2, 0.6 } }, new HeatmapOptions { Min = 0, Max = 1, ColorBarLabel = "accuracy" }).BuildPlot();
        var bar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
        Assert.Equal((0.0, 1.0), (bar.Source.GetRange().Min, bar.Source.GetRange().Max));
        Assert.Equal("accuracy", bar.Label);
    }

    [Fact]
    public void Automatic_range_spans_the_finite_values()
    {
        Assert.Equal((10.0, 30.0), new Heatmap(new double[,] { { 10, 20 }, { 30, double.NaN } }).ValueRange());
    }

    [Fact]
    public void A_region_outside_the_matrix_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Heatmap(Grid, new HeatmapOptions { Region = new CellRegion(2, 3, 2, 1) }));
        Assert.Contains("not inside the 3 × 4 matrix", e.Message);
    }

    [Fact]
    public void Label_counts_must_match_the_matrix()
    {
        var e = Assert.Throws<ArgumentException>(() => new Heatmap(Grid, new HeatmapOptions { RowLabels = ["1", "2"] }));
        Assert.Contains("RowLabels has 2 labels but the matrix has 3 rows", e.Message);
    }

    [Fact]
    public void Many_lengths_are_labelled_sparsely_not_on_top_of_each_other()
    {
        var values = new double[100, 100];
        var labels = Enumerable.Range(1, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        using var plot = new Heatmap(values, new HeatmapOptions { RowLabels = labels, ColumnLabels = labels }).BuildPlot();
        plot.GetImageBytes(720, 600, ScottPlot.ImageFormat.Png);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
        Assert.InRange(ticks.Count, 5, 30);
        Assert.Equal("1", ticks[0].Label);
    }
}
