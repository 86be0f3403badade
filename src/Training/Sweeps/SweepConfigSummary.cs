namespace ArithLab.Training.Sweeps;

/// <summary>
/// One setting of a sweep over its seeds: exact match in and out of the training lengths per seed
/// (pooled over the cells), and per operand length the mean and the range over seeds.
/// </summary>
public sealed record SweepConfigSummary
{
    public required string Label { get; init; }

    /// <summary>The runs of this setting that are done, one per seed.</summary>
    public required IReadOnlyList<SweepRun> Runs { get; init; }

    public required IReadOnlyList<double> InDistribution { get; init; }

    public required IReadOnlyList<double> OutOfDistribution { get; init; }

    /// <summary>Per longer-operand length: (length, mean over seeds, min, max).</summary>
    public required IReadOnlyList<(int Length, double Mean, double Min, double Max)> ByLength { get; init; }

    public double InDistributionMean => Mean(InDistribution);

    public double OutOfDistributionMean => Mean(OutOfDistribution);

    /// <summary>Sample standard deviation over seeds; NaN for one seed.</summary>
    public double OutOfDistributionSpread => StandardDeviation(OutOfDistribution);

    /// <summary>The longest length up to which the mean exact match stays at or above <paramref name="level"/> at every length; 0 if none.</summary>
    public int LongestAbove(double level)
    {
        var longest = 0;
        foreach (var (length, mean, _, _) in ByLength.OrderBy(b => b.Length))
        {
            if (!(mean >= level))
            {
                break;
            }
            longest = length;
        }
        return longest;
    }

    internal static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
