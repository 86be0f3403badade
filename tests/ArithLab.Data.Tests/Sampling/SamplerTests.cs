using System.Numerics;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Sampling;

public sealed class SamplerTests
{
    [Fact]
    public void The_same_seed_gives_the_same_problems()
    {
        var a = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 30, Seed: 42)).Take(500);
        var b = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 30, Seed: 42)).Take(500);
        Assert.Equal(Keys(a), Keys(b));
    }

    [Fact]
    public void Different_seeds_give_different_problems()
    {
        var a = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 30, Seed: 1)).Take(100);
        var b = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 30, Seed: 2)).Take(100);
        Assert.NotEqual(Keys(a), Keys(b));
    }

    [Fact]
    public void Seeding_mixes_with_the_published_SplitMix64_constants()
    {
        // SplitMix64 from state 0 (Steele, Lea & Flood 2014; Vigna's reference splitmix64.c) yields
        // 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.
        Assert.Equal(0xE220A8397B1DCDAFUL, SeededRandom.Mix(0x9E3779B97F4A7C15UL));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeededRandom.Mix(unchecked(0x9E3779B97F4A7C15UL * 2)));
        Assert.Equal(0x06C45D188009454FUL, SeededRandom.Mix(unchecked(0x9E3779B97F4A7C15UL * 3)));
    }

    [Fact]
    public void Bounded_draws_are_uniform()
    {
        var rng = new SeededRandom(12);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9600, 10400)); // 10,000 expected, σ ≈ 93
    }

    [Fact]
    public void Every_length_pair_is_equally_likely()
    {
        // 5 × 5 pairs, 100,000 draws: 4,000 expected per pair, standard deviation ≈ 62; allow ±5% (> 3σ).
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 5, Seed: 3));
        var counts = new int[6, 6];
        var digits = new DigitProblem();
        for (var i = 0; i < 100_000; i++)
        {
            sampler.Next(digits);
            counts[digits.Operand(0).Length, digits.Operand(1).Length]++;
        }

        for (var la = 1; la <= 5; la++)
        {
            for (var lb = 1; lb <= 5; lb++)
            {
                Assert.InRange(counts[la, lb], 3800, 4200);
            }
        }
    }

    [Fact]
    public void Non_negative_subtraction_draws_pairs_with_a_at_least_as_long_as_b_equally()
    {
        // 15 pairs with la ≥ lb among 1..5: 6,667 expected each from 100,000; allow ±5%.
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Subtraction, 1, 5, Seed: 4));
        var counts = new int[6, 6];
        var digits = new DigitProblem();
        for (var i = 0; i < 100_000; i++)
        {
            sampler.Next(digits);
            Assert.True(DigitString.Compare(digits.Operand(0), digits.Operand(1)) >= 0);
            counts[digits.Operand(0).Length, digits.Operand(1).Length]++;
        }

        for (var la = 1; la <= 5; la++)
        {
            for (var lb = 1; lb <= 5; lb++)
            {
                if (la < lb)
                {
                    Assert.Equal(0, counts[la, lb]);
                }
                else
                {
                    Assert.InRange(counts[la, lb], 6333, 7000);
                }
            }
        }
    }

    [Fact]
    public void Operands_have_exactly_the_drawn_number_of_digits()
    {
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Multiplication, 2, 40, Seed: 5));
        for (var i = 0; i < 2000; i++)
        {
            var p = sampler.Next([7, 33]);
            Assert.Equal(7, p.Operands[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            Assert.Equal(33, p.Operands[1].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        }
    }

    [Fact]
    public void One_digit_operands_include_zero()
    {
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 1, Seed: 6));
        Assert.Contains(sampler.Take(500), p => p.Operands[0].IsZero);
    }

    [Fact]
    public void Leading_digits_are_uniform_over_one_to_nine()
    {
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 20, 20, Seed: 8));
        var counts = new int[10];
        var digits = new DigitProblem();
        for (var i = 0; i < 45_000; i++)
        {
            sampler.Next(digits);
            counts[digits.Operand(0).Digits[0]]++;
        }

        Assert.Equal(0, counts[0]);
        for (var d = 1; d <= 9; d++)
        {
            Assert.InRange(counts[d], 4700, 5300); // 5,000 expected, σ ≈ 67
        }
    }

    [Fact]
    public void Sampled_answers_agree_with_BigInteger_for_every_task()
    {
        var tasks = new[] { TaskSpec.Addition, TaskSpec.Subtraction, TaskSpec.SignedSubtraction, TaskSpec.Multiplication, TaskSpec.MultiOperandAddition(4), TaskSpec.Sorting(5), TaskSpec.ModularAddition(113) };
        foreach (var task in tasks)
        {
            foreach (var p in new ProblemSampler(new SamplerOptions(task, 1, 25, Seed: 9)).Take(300))
            {
                Assert.Equal(ProblemFactory.Create(task, [.. p.Operands]).Answer, p.Answer);
            }
        }
    }

    [Fact]
    public void Thousand_digit_problems_sample_and_solve_exactly()
    {
        var p = new ProblemSampler(new SamplerOptions(TaskSpec.Multiplication, 1000, 1000, Seed: 10)).Next();
        Assert.Equal(1000, p.Operands[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        Assert.Equal(p.Operands[0] * p.Operands[1], p.Answer[0]);
    }

    [Fact]
    public void Modular_residues_stay_below_the_modulus()
    {
        foreach (var p in new ProblemSampler(new SamplerOptions(TaskSpec.ModularAddition(11), Seed: 11)).Take(500))
        {
            Assert.All(p.Operands, o => Assert.InRange(o, BigInteger.Zero, new BigInteger(10)));
        }
    }

    [Fact]
    public void Bad_length_ranges_are_rejected_with_a_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 5, 3)));
        Assert.Contains("1 ≤ min ≤ max", ex.Message, StringComparison.Ordinal);
    }

    private static string[] Keys(IEnumerable<Problem> problems) =>
        problems.Select(p => string.Join(",", p.Operands)).ToArray();
}
