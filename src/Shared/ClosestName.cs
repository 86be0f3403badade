namespace ArithLab;

/// <summary>
/// "Did you mean" for every unknown name the lab reports (config keys and values, commands, options,
/// formats, tasks, hook points, state-dict keys): the known name nearest to a mistyped one by edit
/// distance. One source file, compiled into each project that reports names (see its csproj), since
/// the lowest layers (Data, Torch) share no project.
/// </summary>
internal static class ClosestName
{
    /// <summary>
    /// The closest candidate, or null when none is close enough to be a plausible typo: at most a
    /// third of the name's length in edits (at least 2), and fewer edits than the name has letters.
    /// A third lets "d_modle" find "d_model" and "revrsed" find "reversed", but keeps "lr" from matching "eps".
    /// </summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) && bestDistance < name.Length ? best : null;
    }

    /// <summary>The <paramref name="count"/> candidates nearest to <paramref name="name"/>, nearest first (ties in the given order), however far.</summary>
    public static IEnumerable<string> Nearest(string name, IEnumerable<string> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.OrderBy(c => Distance(name, c)).Take(count);
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent swaps, the commonest typo.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
