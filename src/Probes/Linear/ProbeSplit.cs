namespace ArithLab.Probes.Linear;

/// <summary>A seeded shuffle of row indices into a training part and a held-out part.</summary>
public sealed record ProbeSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test)
{
    public static ProbeSplit Of(int rows, double testFraction = 0.25, int seed = 0)
    {
        if (rows < 4)
        {
            throw new ArgumentException($"a probe needs at least 4 rows, got {rows}", nameof(rows));
        }
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var test = Math.Clamp((int)Math.Round(rows * testFraction), 1, rows - 2);
        return new ProbeSplit(order[test..], order[..test]);
    }
}
