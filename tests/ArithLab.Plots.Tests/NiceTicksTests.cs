namespace ArithLab.Plots.Tests;

public sealed class NiceTicksTests
{
    [Fact]
    public void Zero_to_0_97_ticks_by_0_2_up_to_1()
    {
        var r = NiceTicks.Compute(0, 0.97, maxTicks: 6);
        Assert.Equal(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, r.Ticks);
        Assert.Equal(0.2, r.Step, 12);
    }

    [Fact]
    public void Ticks_are_the_exact_decimal_doubles_without_accumulated_error()
    {
        var r = NiceTicks.Compute(0, 1, maxTicks: 11);
        // 3 * 0.1 = 0.30000000000000004 in floating point; the tick must be the literal 0.3.
        Assert.Equal(new[] { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }, r.Ticks);
    }

    [Theory]
    [InlineData(0, 100, 6, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(3, 47, 6, new[] { 0.0, 10, 20, 30, 40, 50 })]
    [InlineData(-1, 1, 6, new[] { -1.0, -0.5, 0, 0.5, 1 })]
    [InlineData(0, 9500, 6, new[] { 0.0, 2000, 4000, 6000, 8000, 10000 })]
    [InlineData(0.0012, 0.0047, 5, new[] { 0.001, 0.002, 0.003, 0.004, 0.005 })]
    [InlineData(1, 2, 3, new[] { 1.0, 1.5, 2 })]
    public void Hand_worked_ranges(double min, double max, int maxTicks, double[] expected)
    {
        Assert.Equal(expected, NiceTicks.Compute(min, max, maxTicks).Ticks);
    }

    [Fact]
    public void Never_more_ticks_than_asked_and_always_covering_the_range()
    {
        var rng = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var a = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 7));
            var b = a + rng.NextDouble() * Math.Pow(10, rng.Next(-6, 7)) + 1e-9;
            var n = rng.Next(2, 12);
            var r = NiceTicks.Compute(a, b, n);
            Assert.True(r.Ticks.Count <= n, $"[{a}, {b}] with {n}: {r.Ticks.Count} ticks");
            Assert.True(r.Min <= a + r.Step * 1e-6 && r.Max >= b - r.Step * 1e-6, $"[{a}, {b}] not covered by [{r.Min}, {r.Max}]");
            var mantissa = r.Step / Math.Pow(10, Math.Floor(Math.Log10(r.Step) + 1e-9));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
        }
    }

    [Fact]
    public void Empty_or_reversed_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => NiceTicks.Compute(1, 1));
        Assert.Throws<ArgumentException>(() => NiceTicks.Compute(2, 1));
        Assert.Throws<ArgumentException>(() => NiceTicks.Compute(0, double.NaN));
    }
}
