namespace ArithLab.Plots.Tests;

public sealed class ColorMapTests
{
    // Published viridis table (matplotlib _viridis_data), entries 0, 128 and 255, as 8-bit hex.
    [Theory]
    [InlineData(0.0, "#440154")]
    [InlineData(128 / 255.0, "#21918c")]
    [InlineData(1.0, "#fde725")]
    public void Viridis_matches_the_published_table(double t, string hex)
    {
        Assert.Equal(hex, ColorMap.Viridis.At(t).Hex);
    }

    [Fact]
    public void Viridis_between_stops_stays_within_one_step_of_the_table()
    {
        // Entry 100 of the table: [0.166617, 0.463708, 0.558119], not itself a stop.
        var c = ColorMap.Viridis.At(100 / 255.0);
        Assert.InRange(c.R, 0.166617 * 255 - 1.5, 0.166617 * 255 + 1.5);
        Assert.InRange(c.G, 0.463708 * 255 - 1.5, 0.463708 * 255 + 1.5);
        Assert.InRange(c.B, 0.558119 * 255 - 1.5, 0.558119 * 255 + 1.5);
    }

    [Fact]
    public void Values_outside_the_range_clamp_to_the_ends()
    {
        Assert.Equal("#440154", ColorMap.Viridis.At(-3, 0, 1).Hex);
        Assert.Equal("#fde725", ColorMap.Viridis.At(7, 0, 1).Hex);
    }

    [Fact]
    public void Two_stop_map_interpolates_linearly()
    {
        var map = new ColorMap("test", [new ColorStop(0, new Rgb(0, 0, 0)), new ColorStop(1, new Rgb(200, 100, 50))]);
        Assert.Equal(new Rgb(50, 25, 13), map.At(0.25)); // 12.5 rounds away from zero
    }

    [Fact]
    public void Nan_has_no_colour()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorMap.Viridis.At(double.NaN));
    }

    [Fact]
    public void Stops_must_span_zero_to_one_in_order()
    {
        var black = new Rgb(0, 0, 0);
        Assert.Throws<ArgumentException>(() => new ColorMap("x", [new ColorStop(0, black), new ColorStop(0.5, black)]));
        Assert.Throws<ArgumentException>(() => new ColorMap("x", [new ColorStop(0, black), new ColorStop(0.7, black), new ColorStop(0.3, black), new ColorStop(1, black)]));
    }

    [Fact]
    public void Hex_round_trips()
    {
        Assert.Equal(new Rgb(0x12, 0xab, 0xef), Rgb.FromHex("#12ABef"));
        Assert.Throws<FormatException>(() => Rgb.FromHex("#12345"));
    }
}
