namespace ArithLab.Training.Units;

/// <summary>
/// One seed's result by the paper's criteria (Madsen &amp; Johansen 2020, section 4.1): success when the test
/// MSE at the step of best validation MSE is below the threshold; "solved at" is the first evaluation
/// below it; the sparsity error is the one at the best validation step.
/// </summary>
public sealed record SeedOutcome
{
    public required int Seed { get; init; }

    public required double Threshold { get; init; }

    public required long BestStep { get; init; }

    public required double TestMseAtBest { get; init; }

    public required double SparsityErrorAtBest { get; init; }

    public required long? SolvedAt { get; init; }

    public bool Success => TestMseAtBest < Threshold;

    public static SeedOutcome From(int seed, double threshold, IReadOnlyList<UnitsEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count == 0)
        {
            throw new ArgumentException("no evaluations to judge");
        }
        // A NaN (diverged) validation MSE is never the best.
        var best = evaluations.MinBy(e => double.IsNaN(e.ValidMse) ? double.PositiveInfinity : e.ValidMse)!;
        var solved = evaluations.FirstOrDefault(e => e.TestMse < threshold);
        return new SeedOutcome
        {
            Seed = seed,
            Threshold = threshold,
            BestStep = best.Step,
            TestMseAtBest = double.IsNaN(best.TestMse) ? double.PositiveInfinity : best.TestMse,
            SparsityErrorAtBest = best.SparsityError,
            SolvedAt = solved?.Step,
        };
    }
}
