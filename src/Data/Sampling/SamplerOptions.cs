using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>How a <see cref="ProblemSampler"/> draws problems.</summary>
/// <param name="Task">The task to sample.</param>
/// <param name="MinDigits">Shortest operand length (digits).</param>
/// <param name="MaxDigits">Longest operand length (digits).</param>
/// <param name="Seed">Same seed, same options: the same problems in the same order.</param>
/// <param name="Side">Train, test or all of problem space.</param>
/// <param name="Split">The train/test partition; the default rule when null.</param>
public sealed record SamplerOptions(TaskSpec Task, int MinDigits = 1, int MaxDigits = 20, ulong Seed = 0, SplitSide Side = SplitSide.All, SplitRule? Split = null)
{
    public SamplerOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(Task);
        Task.Validated();
        if (MinDigits < 1 || MaxDigits < MinDigits)
        {
            throw new ArgumentException($"operand lengths need 1 ≤ min ≤ max, got [{MinDigits}, {MaxDigits}]");
        }

        (Split ?? new SplitRule()).Validated();
        return this;
    }
}
