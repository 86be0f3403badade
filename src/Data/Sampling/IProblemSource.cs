using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>
/// An endless supply of problems of one task, written into a reusable <see cref="DigitProblem"/>:
/// fresh draws (<see cref="ProblemSampler"/>) or a fixed set cycled in epochs (<see cref="EpochCycle"/>).
/// </summary>
public interface IProblemSource
{
    TaskSpec Task { get; }

    /// <summary>Writes the next problem into <paramref name="into"/>.</summary>
    void Next(DigitProblem into);
}
