namespace ArithLab.Plots.Tests;

public sealed class RecipeTests
{
    private static readonly double[,] Accuracy = { { 1, 0.9, 0.2 }, { 0.95, 0.5, 0.1 } };

    [Fact]
    public void Length_heatmap_names_task_format_and_axes_and_keeps_the_colour_range_fixed()
    {
        var chart = LengthHeatmap.Create("subtraction", "plain", new LengthSpan(3, 4), new LengthSpan(1, 3), Accuracy);
        Assert.Equal("subtraction, plain: exact match (%)", chart.Options.Title);
        Assert.Equal("digits of a", chart.Options.YLabel);
        Assert.Equal("digits of b", chart.Options.XLabel);
        Assert.Equal(new[] { "3", "4" }, chart.Options.RowLabels);
        // Percent on the colour bar too, like the title and the cell text.
        Assert.Equal((0.0, 100.0), chart.ValueRange());
        Assert.True(chart.Options.RowsBottomUp);
        Assert.Null(chart.Options.Region);
    }

    [Fact]
    public void Length_heatmap_outlines_the_trained_lengths_inside_the_grid()
    {
        // Grid a 3..4, b 1..3; trained on a 1..3 and b 2..5: the overlap is a = 3 (row 0), b = 2..3 (columns 1..2).
        var chart = LengthHeatmap.Create("addition", "reversed", new LengthSpan(3, 4), new LengthSpan(1, 3), Accuracy,
            new LengthSpan(1, 3), new LengthSpan(2, 5));
        Assert.Equal(new CellRegion(0, 1, 1, 2), chart.Options.Region);
    }

    [Fact]
    public void Length_heatmap_refuses_a_grid_of_the_wrong_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => LengthHeatmap.Create("addition", "reversed", new LengthSpan(1, 3), new LengthSpan(1, 3), Accuracy));
        Assert.Contains("accuracy is 2 × 3 but the grid is 3 a lengths × 3 b lengths", e.Message);
    }

    [Fact]
    public void Length_curves_span_zero_to_hundred_percent_and_mark_the_training_length()
    {
        var chart = LengthCurves.Create([new LengthCurve("s0", [1.0, 10, 30], [100.0, 99, 40])], trainedUpTo: 10);
        Assert.Equal((0.0, 100.0), (chart.Options.Y.Min, chart.Options.Y.Max));
        var mark = chart.Series.Single(s => s.Dashed);
        Assert.Equal([10.0, 10.0], mark.X);
        Assert.Equal([0.0, 100.0], mark.Y);
        Assert.Single(LengthCurves.Create([new LengthCurve("s0", [1.0], [100.0])], trainedUpTo: null).Series);
    }

    [Fact]
    public void Loss_curves_use_a_log_axis_with_a_legend()
    {
        var chart = LossCurves.Create([new Curve("loss", [0.0, 1], [2.0, 0.5])]);
        Assert.Equal(AxisScale.Log10, chart.Options.Y.Scale);
        Assert.True(chart.Options.Legend);
    }

    [Fact]
    public void A_zero_loss_is_left_out_as_a_gap_and_counted_in_the_title()
    {
        var chart = LossCurves.Create([new Curve("loss", [0.0, 1, 2], [2.0, 0, 0.5])], "quickstart");
        Assert.Equal("quickstart (1 value ≤ 0 left out of the log axis)", chart.Options.Title);
        Assert.True(double.IsNaN(chart.Series.Single().Y[1]));
    }

    [Fact]
    public void Accuracy_curves_span_zero_to_one_for_fractions_and_fit_percentages()
    {
        var fraction = AccuracyCurves.Create([new Curve("acc", [0.0, 1], [0.1, 0.9])]);
        Assert.Equal((0.0, 1.0), (fraction.Options.Y.Min, fraction.Options.Y.Max));
        var percent = AccuracyCurves.Create([new Curve("acc", [0.0, 1], [10.0, 90])]);
        Assert.Null(percent.Options.Y.Max);
    }

    [Fact]
    public void Train_size_curves_put_N_on_a_log_axis_with_a_seed_range_only_for_several_seeds()
    {
        var chart = TrainSizeCurves.Create(
        [
            new TrainSizeCurve("plain", [500.0, 5000], [0.1, 0.8], [0.0, 0.7], [0.2, 0.9], Seeds: 3),
            new TrainSizeCurve("reversed", [500.0, 5000], [0.5, 1.0], [0.5, 1.0], [0.5, 1.0], Seeds: 1),
        ], "Lee", "exact match");
        Assert.Equal(AxisScale.Log10, chart.Options.X.Scale);
        Assert.Equal((0.0, 1.0), (chart.Options.Y.Min, chart.Options.Y.Max));
        Assert.Equal(["plain (n=3)", "plain lowest seed", "plain highest seed", "reversed (n=1)"], chart.Series.Select(s => s.Name));
        Assert.Equal([0.0, 0.7], chart.Series[1].Y);
        Assert.True(chart.Series[1].Dashed && !chart.Series[0].Dashed);
        Assert.Equal(chart.Series[0].Color, chart.Series[2].Color);
        Assert.Equal([true, false, false, true], chart.Series.Select(s => s.InLegend));
    }
}
