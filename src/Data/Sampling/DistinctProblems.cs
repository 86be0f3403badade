namespace ArithLab.Data.Sampling;

/// <summary>Distinct problems in the order a sampler first draws them: held-out sets and fixed training sets.</summary>
public static class DistinctProblems
{
    /// <summary>
    /// The first <paramref name="count"/> distinct problems (by operands) the sampler draws, or fewer
    /// when <paramref name="maxDraws"/> draws run out first: small length ranges hold few problems.
    /// </summary>
    public static IReadOnlyList<Problem> Draw(ProblemSampler sampler, int count, long maxDraws)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<Problem>(count);
        for (long draws = 0; problems.Count < count && draws < maxDraws; draws++)
        {
            var p = sampler.Next();
            if (seen.Add(Key(p)))
            {
                problems.Add(p);
            }
        }
        return problems;
    }

    /// <summary>The identity of a problem: its operands (the answer follows from them).</summary>
    public static string Key(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return string.Join(',', problem.Operands);
    }
}
