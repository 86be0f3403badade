namespace ArithLab.Plots.Tests;

public sealed class LogTicksTests
{
    [Fact]
    public void Decades_between_a_thousandth_and_ten()
    {
        Assert.Equal(new[] { -3, -2, -1, 0, 1 }, LogTicks.Decades(0.001, 10));
    }

    [Fact]
    public void Decades_inside_a_range_that_does_not_start_on_one()
    {
        Assert.Equal(new[] { 0, 1 }, LogTicks.Decades(0.5, 20));
    }

    [Fact]
    public void Minor_ticks_are_two_to_nine_times_each_decade()
    {
        var expected = new[] { 2.0, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90 };
        Assert.Equal(expected, LogTicks.Minors(1, 100).Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Powers_of_ten_are_the_decimal_values()
    {
        Assert.Equal(0.001, LogTicks.PowerOfTen(-3));
        Assert.Equal(1e-7, LogTicks.PowerOfTen(-7));
        Assert.Equal(1000.0, LogTicks.PowerOfTen(3));
    }

    [Fact]
    public void A_non_positive_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => LogTicks.Decades(0, 10));
        Assert.Throws<ArgumentException>(() => LogTicks.Minors(-1, 10));
    }
}
