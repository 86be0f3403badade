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
                var hint = ClosestName.Find(name.ToLowerInvariant(), PositionalScheme.All.SelectMany(s => s.Spellings)) is { } closest
                    ? $" (did you mean '{Find(closest)!.Name}'?)"
                    : "";
                throw new ArgumentException($"unknown positional scheme '{name}' in '{text}'{hint}; valid: {string.Join(", ", Names)}");
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
}
