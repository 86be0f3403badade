using ArithLab.Data.Sampling;
using ArithLab.Data.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>The simple-function dataset against its definition (Madsen &amp; Johansen 2020, section 4.1).</summary>
public sealed class SubsetTaskTests
{
    [Fact]
    public void Paper_ratios_give_two_25_wide_subsets_overlapping_by_12_inside_the_input()
    {
        var offsets = new HashSet<int>();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var task = SubsetTask.FromRatios(100, 0.25, 0.5, UnitOperation.Add, seed);
            Assert.Equal(25, task.A.End - task.A.Start);
            Assert.Equal(25, task.B.End - task.B.Start);
            var overlap = Enumerable.Range(task.A.Start, 25).Intersect(Enumerable.Range(task.B.Start, 25)).Count();
            Assert.Equal(12, overlap);
            Assert.True(task.A.Start >= 0 && task.B.End <= 100);
            offsets.Add(task.A.Start);
        }
        // The offset is uniform over the 63 places the 38-wide pair fits: 200 seeds reach most of them, and both ends.
        Assert.True(offsets.Count > 40, $"{offsets.Count} distinct offsets");
        Assert.Equal(62, offsets.Max());
    }

    [Theory]
    [InlineData(UnitOperation.Add)]
    [InlineData(UnitOperation.Sub)]
    [InlineData(UnitOperation.Mul)]
    [InlineData(UnitOperation.Div)]
    [InlineData(UnitOperation.Square)]
    [InlineData(UnitOperation.Root)]
    public void Targets_are_the_operation_on_the_subset_sums_and_inputs_stay_in_range(UnitOperation operation)
    {
        var task = SubsetTask.FromRatios(100, 0.25, 0.5, operation, 7);
        var x = new double[64 * 100];
        var t = new double[64];
        task.Fill(x, t, InputRange.Uniform(2, 6), new SeededRandom(3));
        Assert.All(x, v => Assert.InRange(v, 2, 6));
        for (var r = 0; r < 64; r++)
        {
            var row = x.AsSpan(r * 100, 100).ToArray();
            var a = row.Skip(task.A.Start).Take(25).Sum();
            var b = row.Skip(task.B.Start).Take(25).Sum();
            var expected = operation switch
            {
                UnitOperation.Add => a + b,
                UnitOperation.Sub => a - b,
                UnitOperation.Mul => a * b,
                UnitOperation.Div => a / b,
                UnitOperation.Square => a * a,
                _ => Math.Sqrt(a),
            };
            Assert.Equal(expected, t[r], 9);
        }
    }

    [Fact]
    public void A_union_range_picks_each_interval_by_a_fair_coin_and_never_the_gap()
    {
        var range = InputRange.Parse("-6..-2 | 2..6");
        var random = new SeededRandom(5);
        var draws = Enumerable.Range(0, 20_000).Select(_ => range.Sample(random.NextDouble)).ToList();
        Assert.All(draws, v => Assert.True(v is >= -6 and <= -2 or >= 2 and <= 6, $"{v} is outside both intervals"));
        var negative = draws.Count(v => v < 0);
        // Binomial(20000, 1/2): sd ≈ 71; 5 sd either side.
        Assert.InRange(negative, 10_000 - 355, 10_000 + 355);
        // Uniform inside an interval: the mean of the positive half is 4 within 5 standard errors (sd 4/√12).
        var positives = draws.Where(v => v > 0).ToList();
        Assert.InRange(positives.Average(), 4 - 5 * 1.155 / Math.Sqrt(positives.Count), 4 + 5 * 1.155 / Math.Sqrt(positives.Count));
    }

    [Fact]
    public void Range_text_is_parsed_and_bad_text_is_refused_with_what_was_expected()
    {
        Assert.Equal("1..2", InputRange.Parse(" 1 .. 2 ").ToString());
        Assert.Equal(2, InputRange.Parse("-6..-2|2..6").Intervals.Count);
        Assert.Contains("lo < hi", Assert.Throws<FormatException>(() => InputRange.Parse("2..1")).Message);
        Assert.Contains("lo..hi", Assert.Throws<FormatException>(() => InputRange.Parse("[1, 2]")).Message);
    }

    [Fact]
    public void The_introduction_toy_uses_explicit_subsets()
    {
        var task = SubsetTask.Explicit(4, (0, 4), (0, 2), UnitOperation.Mul);
        Assert.Equal((1.0 + 2 + 3 + 4) * (1 + 2), task.Target([1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => SubsetTask.Explicit(4, (0, 5), (0, 2), UnitOperation.Mul));
    }
}
