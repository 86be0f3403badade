using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>Which side of the train/test split a sampler draws from.</summary>
public enum SplitSide
{
    /// <summary>Every problem, ignoring the split.</summary>
    All,
    Train,
    Test,
}

/// <summary>
/// A fixed partition of problem space into train and test: a problem is a test problem exactly when
/// a salted hash of its task and operand digits falls below <see cref="TestFraction"/>. Membership
/// depends on the problem alone, so the two sides are disjoint for every length, even 1-digit
/// problems, and no list of seen problems is kept.
/// </summary>
/// <param name="TestFraction">The share of problem space held out for testing (0 &lt; f &lt; 1).</param>
/// <param name="Salt">Changes which problems are held out; keep it fixed across train and eval.</param>
public sealed record SplitRule(double TestFraction = 0.1, ulong Salt = 0x5EEDUL)
{
    public SplitRule Validated() => TestFraction is > 0 and < 1
        ? this
        : throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, "the test fraction must lie strictly between 0 and 1");

    public bool IsTest(DigitProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var h = SeededRandom.Mix(Salt ^ ((ulong)problem.Task.Kind * 0x9E3779B97F4A7C15UL));
        for (var i = 0; i < problem.OperandCount; i++)
        {
            foreach (var d in problem.Operand(i).Digits)
            {
                h = (h ^ d) * 0x100000001B3UL;
            }

            // A separator that no digit produces, so (12, 3) and (1, 23) hash apart.
            h = SeededRandom.Mix(h ^ 0xABUL);
        }

        return (h >> 11) * (1.0 / (1UL << 53)) < TestFraction;
    }

    public bool IsTest(Problem problem)
    {
        var digits = new DigitProblem();
        digits.Load(problem);
        return IsTest(digits);
    }

    public bool Accepts(SplitSide side, DigitProblem problem) => side switch
    {
        SplitSide.All => true,
        SplitSide.Train => !IsTest(problem),
        SplitSide.Test => IsTest(problem),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };
}
