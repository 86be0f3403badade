namespace ArithLab.Models.Positional;

/// <summary>
/// The set of positional schemes a model uses, parsed from names joined with '+' (or ',').
/// At most one scheme of each kind: an additive input table (learned, sinusoidal), an
/// id-indexed input table (abacus, coupled), a rotation of q and k (rope), and one score
/// bias (alibi, hard_alibi, fire). "nope" alone means none.
/// </summary>
public sealed record PositionalSchemes(bool Learned, bool Sinusoidal, bool Rope, bool Alibi, bool HardAlibi, bool Fire, bool Abacus, bool Coupled)
{
    public static readonly IReadOnlyList<string> Names = new[] { "nope", "learned", "sinusoidal", "rope", "alibi", "hard_alibi", "fire", "abacus", "coupled" };

    /// <summary>True when the forward pass needs caller-supplied position ids.</summary>
    public bool NeedsPositionIds => Abacus || Coupled;

    public static PositionalSchemes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Split(new[] { '+', ',' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parts = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            // Case, '-' and '_' do not matter ("HardAlibi", "hard-alibi"); "none" is "nope".
            var key = Squash(raw[i]);
            var name = key == "none" ? "nope" : Names.FirstOrDefault(n => Squash(n) == key);
            if (name is null)
            {
                var closest = Names.OrderBy(n => Levenshtein(Squash(n), key)).First();
                throw new ArgumentException($"unknown positional scheme '{raw[i]}' in '{text}' (did you mean '{closest}'?); valid: {string.Join(", ", Names)}");
            }
            parts[i] = name;
        }
        bool Has(string n) => parts.Contains(n);
        var s = new PositionalSchemes(Has("learned"), Has("sinusoidal"), Has("rope"), Has("alibi"), Has("hard_alibi"), Has("fire"), Has("abacus"), Has("coupled"));
        if (Has("nope") && parts.Length > 1) throw new ArgumentException($"'nope' cannot be combined with other schemes: '{text}'");
        if (s.Learned && s.Sinusoidal) throw new ArgumentException($"choose one of learned and sinusoidal: '{text}'");
        if (s.Abacus && s.Coupled) throw new ArgumentException($"choose one of abacus and coupled: '{text}'");
        if ((s.Alibi ? 1 : 0) + (s.HardAlibi ? 1 : 0) + (s.Fire ? 1 : 0) > 1) throw new ArgumentException($"choose one of alibi, hard_alibi and fire: '{text}'");
        return s;
    }

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
