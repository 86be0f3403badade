using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Sampling;

public sealed class SplitTests
{
    [Fact]
    public void Train_and_test_never_share_a_one_digit_problem()
    {
        // All 100 one-digit additions: the split's test side, found by enumeration, never appears in training.
        var split = new SplitRule(0.2);
        var test = new HashSet<(int, int)>();
        for (var a = 0; a < 10; a++)
        {
            for (var b = 0; b < 10; b++)
            {
                if (split.IsTest(ProblemFactory.Create(TaskSpec.Addition, a, b)))
                {
                    test.Add((a, b));
                }
            }
        }

        Assert.InRange(test.Count, 5, 40); // some held out, most kept
        var train = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 1, Seed: 1, Side: SplitSide.Train, Split: split)).Take(5000);
        Assert.DoesNotContain(train, p => test.Contains(((int)p.Operands[0], (int)p.Operands[1])));
        Assert.Equal(100 - test.Count, train.Select(p => ((int)p.Operands[0], (int)p.Operands[1])).Distinct().Count());
    }

    [Fact]
    public void Sampled_train_and_test_sets_are_disjoint()
    {
        var train = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 3, Seed: 1, Side: SplitSide.Train)).Take(50_000);
        var test = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 3, Seed: 2, Side: SplitSide.Test)).Take(5_000);
        var trainKeys = train.Select(p => (p.Operands[0], p.Operands[1])).ToHashSet();
        Assert.DoesNotContain(test, p => trainKeys.Contains((p.Operands[0], p.Operands[1])));
    }

    [Fact]
    public void The_test_side_holds_about_the_configured_fraction()
    {
        var all = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 5, 10, Seed: 3)).Take(20_000);
        var split = new SplitRule(0.1);
        var share = all.Count(split.IsTest) / 20_000.0;
        Assert.InRange(share, 0.09, 0.11);
    }

    [Fact]
    public void Operand_order_matters_to_membership()
    {
        // (12, 3) and (1, 23) must hash apart: the separator between operands is part of the hash.
        var split = new SplitRule(0.5);
        var differ = 0;
        for (var i = 10; i < 200; i++)
        {
            var x = split.IsTest(ProblemFactory.Create(TaskSpec.Addition, i, 3));
            var y = split.IsTest(ProblemFactory.Create(TaskSpec.Addition, i / 10, ((i % 10) * 10) + 3));
            differ += x != y ? 1 : 0;
        }

        Assert.True(differ > 40, $"only {differ} of 190 split pairs differ");
    }

    [Fact]
    public void A_test_fraction_outside_zero_to_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitRule(1.5).Validated());
    }
}
