namespace ArithLab.Plots.Tests;

public sealed class LogAxisTests
{
    private static LineChart LossChart(double[] y) =>
        new LineChart(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10 } })
            .Add("loss", Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray(), y);

    [Fact]
    public void Major_ticks_sit_on_decades_covering_the_data()
    {
        var doc = Svg.Parse(LossChart([2.3, 0.5, 0.04, 0.0031]).ToSvg());
        var majors = doc.Group("y-axis").WithClass("line", "major").Select(t => t.Num("data-value")).ToList();
        Assert.Equal(new[] { 0.001, 0.01, 0.1, 1, 10 }, majors);
        var labels = doc.Group("y-axis").WithClass("text", "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "0.001", "0.01", "0.1", "1", "10" }, labels);
    }

    [Fact]
    public void Minor_ticks_sit_at_log10_of_two_to_nine_within_each_decade()
    {
        var doc = Svg.Parse(LossChart([1, 100]).ToSvg());
        var (_, top, _, h) = doc.PlotArea();
        var minors = doc.Group("y-axis").WithClass("line", "minor").ToList();
        Assert.Equal(16, minors.Count);
        foreach (var m in minors)
        {
            var v = m.Num("data-value");
            // Axis spans 1..100, two decades over h pixels.
            Assert.Equal(top + h - Math.Log10(v) / 2 * h, m.Num("y1"), Svg.Tolerance);
        }
    }

    [Fact]
    public void Extreme_decades_are_written_as_powers_of_ten()
    {
        var doc = Svg.Parse(LossChart([1e-7, 1e-5]).ToSvg());
        var labels = doc.Group("y-axis").WithClass("text", "tick-label").ToList();
        var exponents = labels.Select(t => t.Elements(Svg.Ns + "tspan").Single().Value).ToList();
        Assert.Equal(new[] { "-7", "-6", "-5" }, exponents);
        Assert.All(labels, t => Assert.StartsWith("10", t.Value));
    }

    [Fact]
    public void Non_positive_values_are_skipped_break_the_line_and_are_counted_in_a_note()
    {
        var doc = Svg.Parse(LossChart([1, 0.5, 0, 0.2, -1, 0.1, 0.05]).ToSvg());
        var runs = doc.WithClass("polyline", "line").Select(l => l.Points().Count).ToList();
        Assert.Equal(new[] { 2, 2 }, runs);
        Assert.Single(doc.WithClass("circle", "marker")); // 0.2 alone between the two skipped values
        Assert.Equal("2 values ≤ 0 skipped on the log y axis", doc.WithClass("text", "note").Single().Value);
    }

    [Fact]
    public void Fixed_non_positive_end_on_a_log_axis_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new LineChart(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10, Min = 0 } }));
        Assert.Contains("Min must be > 0", e.Message);
    }

    [Fact]
    public void Less_than_a_decade_still_gets_at_least_two_labels()
    {
        var chart = new LineChart(new LineChartOptions { Y = new AxisOptions { Scale = AxisScale.Log10, Min = 0.15, Max = 0.9 } })
            .Add("s", [0.0, 1], [0.2, 0.8]);
        var labels = Svg.Parse(chart.ToSvg()).Group("y-axis").WithClass("text", "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "0.2", "0.5" }, labels);
    }
}
