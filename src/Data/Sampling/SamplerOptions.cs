using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>How a <see cref="ProblemSampler"/> draws problems.</summary>
/// <param name="Task">The task to sample.</param>
/// <param name="MinDigits">Shortest operand length (digits); of operand a alone when <see cref="DigitsB"/> is set.</param>
/// <param name="MaxDigits">Longest operand length (digits); of operand a alone when <see cref="DigitsB"/> is set.</param>
/// <param name="Seed">Same seed, same options: the same problems in the same order.</param>
/// <param name="Side">Train, test or all of problem space.</param>
/// <param name="Split">The train/test partition; the default rule when null.</param>
public sealed record SamplerOptions(TaskSpec Task, int MinDigits = 1, int MaxDigits = 20, ulong Seed = 0, SplitSide Side = SplitSide.All, SplitRule? Split = null)
{
    /// <summary>
    /// Lengths of operand b where they differ from a's (e.g. a in 1..5, b in 1..2 for N×2
    /// multiplication); null draws b, like every operand, from [MinDigits, MaxDigits]. Only tasks with
    /// <see cref="TaskSpec.SeparateLengthRanges"/> take one. A range equal to a's draws the same
    /// problems as null.
    /// </summary>
    public LengthRange? DigitsB { get; init; }

    /// <summary>How each operand's length is drawn: equally likely lengths (the default) or uniform values.</summary>
    public LengthDistribution Lengths { get; init; } = LengthDistribution.Buckets;

    /// <summary>Lengths of operand a (and of every operand but b).</summary>
    public LengthRange LengthsA => new(MinDigits, MaxDigits);

    /// <summary>Lengths of operand b: <see cref="DigitsB"/>, else a's.</summary>
    public LengthRange LengthsB => DigitsB ?? LengthsA;

    public SamplerOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(Task);
        Task.Validated();
        if (MinDigits < 1 || MaxDigits < MinDigits)
        {
            throw new ArgumentException($"operand lengths need 1 ≤ min ≤ max, got [{MinDigits}, {MaxDigits}]");
        }

        if (DigitsB is { } b)
        {
            if (!Task.SeparateLengthRanges)
            {
                throw new ArgumentException($"{Task.Kind} draws every operand from one length range; a separate range for operand b applies to addition, subtraction and multiplication");
            }

            b.Validated("operand b");
            if (Task.KeepsAAtLeastB && MaxDigits < b.Min)
            {
                throw new ArgumentException($"non-negative subtraction needs len a ≥ len b, but a has at most {MaxDigits} digits and b at least {b.Min}");
            }
        }

        (Split ?? new SplitRule()).Validated();
        return this;
    }
}
