using System.Numerics;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Sampling;

public sealed class UniformValueLengthTests
{
    private static SamplerOptions Values(int min, int max, TaskSpec? task = null) =>
        new(task ?? TaskSpec.Addition, min, max, Seed: 9) { Lengths = LengthDistribution.Values };

    [Fact]
    public void Each_operand_is_uniform_over_every_number_of_its_lengths()
    {
        // 1–3 digits: uniform on [0, 1000). 100,000 operands, 100 bins of 10 values: 1,000 expected
        // a bin, σ ≈ 31; allow ±13% (> 4σ). Bins 0–9 hold the one-digit numbers, 10–99 the two-digit ones.
        var sampler = new ProblemSampler(Values(1, 3));
        var bins = new int[100];
        for (var i = 0; i < 50_000; i++)
        {
            var p = sampler.Next();
            foreach (var x in p.Operands) bins[(int)(x / 10)]++;
        }
        Assert.All(bins, c => Assert.InRange(c, 870, 1130));
    }

    [Theory]
    [InlineData(1, 3, new[] { 0.01, 0.09, 0.90 })]
    [InlineData(2, 3, new[] { 0.0, 90.0 / 990, 900.0 / 990 })]
    [InlineData(3, 3, new[] { 0.0, 0.0, 1.0 })]
    public void Lengths_come_up_in_proportion_to_how_many_numbers_have_them(int min, int max, double[] expected)
    {
        var sampler = new ProblemSampler(Values(min, max));
        var counts = new int[max + 1];
        const int N = 100_000;
        var digits = new DigitProblem();
        for (var i = 0; i < N; i++)
        {
            sampler.Next(digits);
            counts[digits.Operand(0).Length]++;
        }
        for (var l = 1; l <= max; l++)
        {
            // σ of a share ≤ 0.0016 at N = 100,000; allow 0.006.
            Assert.InRange(counts[l] / (double)N, expected[l - 1] - 0.006, expected[l - 1] + 0.006);
        }
    }

    [Fact]
    public void Long_ranges_draw_almost_only_the_longest_length_without_overflow()
    {
        var sampler = new ProblemSampler(Values(1, 400));
        var lengths = sampler.Take(2_000).SelectMany(p => p.Operands).Select(x => BigInteger.Abs(x).ToString(System.Globalization.CultureInfo.InvariantCulture).Length).ToList();
        // 90% of the numbers below 10^400 have 400 digits, 9% have 399.
        Assert.InRange(lengths.Count(l => l == 400) / (double)lengths.Count, 0.87, 0.93);
        Assert.All(lengths, l => Assert.InRange(l, 1, 400));
    }

    [Fact]
    public void Subtraction_still_keeps_a_at_least_b()
    {
        var problems = new ProblemSampler(Values(1, 3, TaskSpec.Subtraction)).Take(5_000);
        Assert.All(problems, p => Assert.True(p.Operands[0] >= p.Operands[1]));
        Assert.All(problems, p => Assert.Equal(p.Operands[0] - p.Operands[1], p.Answer[0]));
    }

    [Fact]
    public void Buckets_stay_the_default_and_draw_what_they_drew()
    {
        var byDefault = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 5, Seed: 4)).Take(200);
        var buckets = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 5, Seed: 4) { Lengths = LengthDistribution.Buckets }).Take(200);
        Assert.Equal(byDefault.Select(p => string.Join('+', p.Operands)), buckets.Select(p => string.Join('+', p.Operands)));
    }
}
