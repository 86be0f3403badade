namespace ArithLab.Probes.Attention;

/// <summary>
/// How much a head attends to digits of the same place value as the one it computes. Each query is an
/// answer position, paired with the significance of the answer digit it predicts; the score is the
/// attention mass on operand digits of that significance, averaged over queries. A model that adds
/// column by column (Abacus, coupled positions: McLeish et al. 2024; Cho et al. 2024) puts most of its
/// mass there on some head; one that has lost track of columns beyond its training length does not.
/// </summary>
public static class SameSignificanceMass
{
    /// <param name="pattern">pattern[query, key] of one head.</param>
    /// <param name="queries">(query position, significance of the digit it predicts) pairs.</param>
    /// <param name="operandSignificance">Per token position, the place value of an operand digit there, or −1.</param>
    public static double Of(double[,] pattern, IReadOnlyList<(int Position, int Significance)> queries, IReadOnlyList<int> operandSignificance)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(operandSignificance);
        if (queries.Count == 0)
        {
            return double.NaN;
        }
        return queries.Average(q =>
        {
            var mass = 0.0;
            for (var k = 0; k <= q.Position && k < operandSignificance.Count; k++)
            {
                if (operandSignificance[k] == q.Significance)
                {
                    mass += pattern[q.Position, k];
                }
            }
            return mass;
        });
    }

    /// <summary>Mass per head over many problems: mean over problems of <see cref="Of"/>.</summary>
    public static double[] PerHead(IReadOnlyList<double[][,]> patterns, IReadOnlyList<IReadOnlyList<(int, int)>> queries, IReadOnlyList<IReadOnlyList<int>> operandSignificance)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var heads = patterns[0].Length;
        return Enumerable.Range(0, heads)
            .Select(h => Enumerable.Range(0, patterns.Count).Select(p => Of(patterns[p][h], queries[p], operandSignificance[p])).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average())
            .ToArray();
    }
}
