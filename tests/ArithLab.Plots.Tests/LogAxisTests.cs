namespace ArithLab.Plots.Tests;

public sealed class LogAxisTests
{
    private static LineChart LogChart() => new(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10 } });

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    public void Non_positive_data_is_refused_naming_series_point_and_axis(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => LogChart().Add("held_out_loss", [0.0, 1, 2], [1.0, bad, 0.1]));
        Assert.Contains("series 'held_out_loss'", e.Message);
        Assert.Contains($"y[1] = {bad.ToString(System.Globalization.CultureInfo.InvariantCulture)}", e.Message);
        Assert.Contains("log y axis", e.Message);
        Assert.Contains("values > 0", e.Message);
    }

    [Fact]
    public void Non_positive_data_is_refused_on_a_log_x_axis_of_a_scatter_chart_too()
    {
        var chart = new ScatterChart(new ScatterChartOptions { X = new AxisOptions { Scale = AxisScale.Log10 } });
        var e = Assert.Throws<ArgumentException>(() => chart.Add("p", [1.0, 0], [1.0, 1]));
        Assert.Contains("x[1] = 0", e.Message);
    }

    [Fact]
    public void Nan_is_a_gap_not_an_error()
    {
        LogChart().Add("loss", [0.0, 1, 2], [1.0, double.NaN, 0.1]);
    }

    [Fact]
    public void A_fixed_non_positive_end_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new LineChart(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10, Min = 0 } }));
        Assert.Contains("Min must be > 0", e.Message);
    }

    [Fact]
    public void Values_sit_at_their_decades_and_decades_are_evenly_spaced()
    {
        var chart = LogChart().Add("loss", [0.0, 1, 2], [10, 0.1, 0.001]);
        using var plot = chart.BuildPlot();
        plot.GetImageBytes(720, 440, ScottPlot.ImageFormat.Png);
        var line = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single();
        var ys = line.Data.GetScatterPoints().Select(p => p.Y).ToArray();
        Assert.Equal(new[] { 1.0, -1, -3 }, ys);
        // 10 → 0.1 and 0.1 → 0.001 are both two decades: the same pixel distance.
        var px = ys.Select(y => plot.GetPixel(new ScottPlot.Coordinates(0, y)).Y).ToArray();
        Assert.Equal(px[1] - px[0], px[2] - px[1], 0.01);
    }

    // The y ticks of a log chart drawn from min to max, as rendered.
    private static List<ScottPlot.Tick> Ticks(double min, double max)
    {
        var chart = new LineChart(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10, Min = min, Max = max } })
            .Add("loss", [0.0, 1], [min, max]);
        using var plot = chart.BuildPlot();
        plot.GetImageBytes(720, 440, ScottPlot.ImageFormat.Png);
        return plot.Axes.Left.TickGenerator.Ticks.ToList();
    }

    [Fact]
    public void Decades_are_labelled_with_their_values()
    {
        var majors = Ticks(0.002, 30).Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(new[] { "0.01", "0.1", "1", "10" }, majors);
        var minors = Ticks(1, 10).Where(t => !t.IsMajor).Select(t => Math.Pow(10, t.Position)).ToList();
        Assert.Equal(new[] { 3.0, 4, 6, 7, 8, 9 }, minors.Select(m => Math.Round(m, 9)));
    }

    [Fact]
    public void Less_than_two_decades_also_labels_two_and_five()
    {
        var labels = Ticks(0.15, 0.9).Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(new[] { "0.2", "0.5" }, labels);
    }

    [Fact]
    public void Extreme_decades_are_written_in_exponent_form()
    {
        var labels = Ticks(1e-7, 1e-5).Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(new[] { "1e-7", "1e-6", "1e-5" }, labels);
    }
}
