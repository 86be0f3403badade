namespace ArithLab.Models.Positional;

/// <summary>
/// The set of positional schemes a model uses, parsed from names joined with '+' (or ','): at most
/// one scheme per <see cref="PositionalRole"/>, and "none" only alone. Names are matched against
/// the registry's canonical names and aliases, ignoring case, '-' and '_' ("HardAlibi", "hard_alibi").
/// </summary>
public sealed class PositionalSchemes : IEquatable<PositionalSchemes>
{
    private PositionalSchemes(IReadOnlyList<PositionalScheme> items) => Items = items;

    /// <summary>Every accepted canonical name, in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } = PositionalScheme.All.Select(s => s.Name).ToArray();

    /// <summary>The schemes, in registry order.</summary>
    public IReadOnlyList<PositionalScheme> Items { get; }

    /// <summary>True when the forward pass needs caller-supplied position ids.</summary>
    public bool NeedsPositionIds => Items.Any(s => s.NeedsPositionIds);

    public bool Contains(PositionalScheme scheme) => Items.Contains(scheme);

    public bool Has(PositionalRole role) => Items.Any(s => s.Role == role);

    /// <summary>The scheme of a registered name or alias, ignoring case, '-' and '_'; null when none matches.</summary>
    public static PositionalScheme? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Squash(name);
        return PositionalScheme.All.FirstOrDefault(s => s.Spellings.Any(n => Squash(n) == key));
    }

    public static PositionalSchemes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Split(new[] { '+', ',' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<PositionalScheme>();
        foreach (var name in raw)
        {
            var scheme = Find(name);
            if (scheme is null)
            {
                var closest = Names.OrderBy(n => Levenshtein(Squash(n), Squash(name))).First();
                throw new ArgumentException($"unknown positional scheme '{name}' in '{text}' (did you mean '{closest}'?); valid: {string.Join(", ", Names)}");
            }
            parts.Add(scheme);
        }
        return Of(parts, text);
    }

    /// <summary>The set of the given schemes, checked: "none" alone, one scheme per role.</summary>
    public static PositionalSchemes Of(IEnumerable<PositionalScheme> schemes, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var parts = schemes.ToList();
        var shown = text ?? string.Join('+', parts);
        if (parts.Contains(PositionalScheme.None) && parts.Count > 1) throw new ArgumentException($"'none' cannot be combined with other schemes: '{shown}'");
        foreach (var role in parts.GroupBy(s => s.Role).Where(g => g.Distinct().Count() > 1))
        {
            var rivals = PositionalScheme.All.Where(s => s.Role == role.Key).Select(s => s.Name);
            throw new ArgumentException($"choose one of {string.Join(", ", rivals)} (each {role.Key}): '{shown}'");
        }
        return new PositionalSchemes(PositionalScheme.All.Where(parts.Contains).ToArray());
    }

    public bool Equals(PositionalSchemes? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as PositionalSchemes);

    public override int GetHashCode() => Items.Aggregate(0, (h, s) => HashCode.Combine(h, s));

    public override string ToString() => string.Join('+', Items);

    private static string Squash(string name) => name.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
