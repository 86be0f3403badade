namespace ArithLab.Training.Sweeps;

/// <summary>One row of sweep/results.csv: one run's exact match on one (len a, len b) cell of its eval.</summary>
/// <param name="Set">"grid" for the heatmap's cells, "beyond" for the equal-length sets past it.</param>
public sealed record SweepCell(SweepRun Run, string Set, int LengthA, int LengthB, int N, int Correct, bool InDistribution)
{
    public double ExactMatch => N == 0 ? double.NaN : (double)Correct / N;

    /// <summary>The longer operand's length: the x axis of accuracy against operand length.</summary>
    public int Length => Math.Max(LengthA, LengthB);
}
