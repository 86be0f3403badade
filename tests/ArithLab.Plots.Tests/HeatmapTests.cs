namespace ArithLab.Plots.Tests;

public sealed class HeatmapTests
{
    private static readonly double[,] Grid = new double[,]
    {
        { 1.0, 0.75, 0.5 },
        { 0.25, 0.0, double.NaN },
    };

    private static string FillOf(System.Xml.Linq.XDocument doc, int row, int col) =>
        (string)doc.WithClass("rect", "cell").Single(c => (int)c.Attribute("data-row")! == row && (int)c.Attribute("data-col")! == col).Attribute("fill")!;

    [Fact]
    public void Cell_colours_follow_viridis_on_a_fixed_range()
    {
        var doc = Svg.Parse(new Heatmap(Grid, new HeatmapOptions { Min = 0, Max = 1 }).ToSvg());
        Assert.Equal("#fde725", FillOf(doc, 0, 0));
        Assert.Equal("#440154", FillOf(doc, 1, 1));
    }

    [Fact]
    public void Automatic_range_spans_the_finite_values()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { 10, 20 }, { 30, double.NaN } }).ToSvg());
        Assert.Equal("#440154", FillOf(doc, 0, 0));
        Assert.Equal("#fde725", FillOf(doc, 1, 0));
        Assert.Equal(ColorMap.Viridis.At(0.5).Hex, FillOf(doc, 0, 1));
    }

    [Fact]
    public void Values_beyond_a_fixed_range_take_the_end_colours()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { -5, 0.5, 9 } }, new HeatmapOptions { Min = 0, Max = 1 }).ToSvg());
        Assert.Equal("#440154", FillOf(doc, 0, 0));
        Assert.Equal("#fde725", FillOf(doc, 0, 2));
    }

    [Fact]
    public void Nan_cells_are_hatched_and_carry_no_text()
    {
        var doc = Svg.Parse(new Heatmap(Grid, new HeatmapOptions { CellText = CellText.Percent }).ToSvg());
        var missing = doc.WithClass("rect", "missing").Single();
        Assert.Equal("1", (string?)missing.Attribute("data-row"));
        Assert.Equal("2", (string?)missing.Attribute("data-col"));
        var fill = (string)missing.Attribute("fill")!;
        Assert.StartsWith("url(#", fill);
        var patternId = fill[5..^1];
        Assert.Single(doc.Descendants(Svg.Ns + "pattern"), p => (string?)p.Attribute("id") == patternId);
        var texts = doc.Group("cell-text").Elements(Svg.Ns + "text").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "100", "75", "50", "25", "0" }, texts);
    }

    [Fact]
    public void Cell_text_is_dark_on_light_cells_and_light_on_dark_cells()
    {
        var doc = Svg.Parse(new Heatmap(new double[,] { { 0, 1 } }, new HeatmapOptions { CellText = CellText.Percent }).ToSvg());
        var inks = doc.Group("cell-text").Elements(Svg.Ns + "text").Select(t => (string?)t.Attribute("fill")).ToList();
        Assert.Equal(new[] { "#ffffff", "#000000" }, inks);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Region_outline_spans_exactly_its_cells(bool bottomUp)
    {
        var values = new double[6, 8];
        var region = new CellRegion(FirstRow: 1, FirstColumn: 2, RowCount: 3, ColumnCount: 4);
        var doc = Svg.Parse(new Heatmap(values, new HeatmapOptions { Region = region, RowsBottomUp = bottomUp }).ToSvg());
        var inside = doc.WithClass("rect", "cell").Where(c =>
        {
            var r = (int)c.Attribute("data-row")!;
            var k = (int)c.Attribute("data-col")!;
            return r >= 1 && r <= 3 && k >= 2 && k <= 5;
        }).ToList();
        Assert.Equal(12, inside.Count);
        var box = doc.WithClass("rect", "region").Single();
        Assert.Equal(inside.Min(c => c.Num("x")), box.Num("x"), Svg.Tolerance);
        Assert.Equal(inside.Min(c => c.Num("y")), box.Num("y"), Svg.Tolerance);
        Assert.Equal(inside.Max(c => c.Num("x") + c.Num("width")), box.Num("x") + box.Num("width"), Svg.Tolerance);
        Assert.Equal(inside.Max(c => c.Num("y") + c.Num("height")), box.Num("y") + box.Num("height"), Svg.Tolerance);
        Assert.Equal("none", (string?)box.Attribute("fill"));
        Assert.True(box.Num("stroke-width") >= 2, "the training region needs a thick border");
    }

    [Fact]
    public void Rows_bottom_up_puts_row_zero_lowest()
    {
        var doc = Svg.Parse(new Heatmap(new double[3, 1], new HeatmapOptions { RowsBottomUp = true }).ToSvg());
        var ys = Enumerable.Range(0, 3).Select(r => doc.WithClass("rect", "cell").Single(c => (int)c.Attribute("data-row")! == r).Num("y")).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2]);
    }

    [Fact]
    public void Colour_bar_ticks_are_nice_values_over_the_range()
    {
        var doc = Svg.Parse(new Heatmap(Grid, new HeatmapOptions { Min = 0, Max = 1, Height = 500 }).ToSvg());
        var bar = doc.Group("colorbar");
        var ticks = bar.WithClass("line", "major").Select(t => t.Num("data-value")).ToList();
        Assert.Equal(0, ticks[0]);
        Assert.Equal(1, ticks[^1]);
        var step = ticks[1] - ticks[0];
        Assert.Contains(Math.Round(step, 9), new[] { 0.1, 0.2, 0.5 });
        var stops = bar.Descendants(Svg.Ns + "stop").ToList();
        Assert.Equal("#440154", (string?)stops.First().Attribute("stop-color"));
        Assert.Equal("#fde725", (string?)stops.Last().Attribute("stop-color"));
    }

    [Fact]
    public void Labels_are_drawn_in_order()
    {
        var doc = Svg.Parse(new Heatmap(Grid, new HeatmapOptions { RowLabels = ["a1", "a2"], ColumnLabels = ["b1", "b2", "b3"] }).ToSvg());
        Assert.Equal(new[] { "b1", "b2", "b3" }, doc.Group("x-axis").WithClass("text", "tick-label").Select(t => t.Value));
        Assert.Equal(new[] { "a1", "a2" }, doc.Group("y-axis").WithClass("text", "tick-label").Select(t => t.Value));
    }

    [Fact]
    public void Crowded_integer_labels_keep_round_multiples()
    {
        var labels = Enumerable.Range(1, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var kept = Layout.LabelThinning.Indices(labels, 10).Select(i => labels[i]);
        Assert.Equal(new[] { "10", "20", "30", "40", "50", "60", "70", "80", "90", "100" }, kept);
    }

    [Fact]
    public void Region_outside_the_matrix_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Heatmap(new double[3, 3], new HeatmapOptions { Region = new CellRegion(2, 0, 2, 1) }));
        Assert.Contains("3 × 3", e.Message);
    }

    [Fact]
    public void Label_count_must_match_the_matrix()
    {
        Assert.Throws<ArgumentException>(() => new Heatmap(new double[2, 2], new HeatmapOptions { RowLabels = ["only one"] }));
    }

    [Fact]
    public void Jagged_rows_must_be_rectangular()
    {
        Assert.Throws<ArgumentException>(() => Heatmap.FromRows([[1.0, 2], [3.0]]));
        Assert.Equal(2, Heatmap.FromRows([[1.0, 2], [3.0, 4]]).Columns);
    }
}
