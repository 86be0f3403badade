using ArithLab.Data.Batching;

namespace ArithLab.Data.Tests.Batching;

public sealed class FastRandomTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        var a = new FastRandom(123);
        var b = new FastRandom(123);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Next_min_max_stays_in_range_and_hits_every_value()
    {
        var random = new FastRandom(5);
        var draws = Enumerable.Range(0, 10_000).Select(_ => random.Next(-3, 4)).ToArray();
        Assert.Equal(Enumerable.Range(-3, 7), draws.Distinct().Order());
    }

    [Fact]
    public void Next_digit_frequencies_are_close_to_uniform()
    {
        var random = new FastRandom(6);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[random.Next(10)]++;
        }
        // Each count is Binomial(1e5, 0.1): sd ≈ 95, so ±600 is over 6 sd.
        Assert.All(counts, c => Assert.InRange(c, 9_400, 10_600));
    }

    [Fact]
    public void Next_double_is_in_unit_interval()
    {
        var random = new FastRandom(7);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), x => Assert.InRange(x, 0.0, 0.9999999999));
    }
}
