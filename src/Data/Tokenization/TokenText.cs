namespace ArithLab.Data.Tokenization;

/// <summary>
/// The spellings of shared tokens. Token ids live in <see cref="Vocabulary"/>; these are the texts, kept
/// as shared string instances so hot paths compare and look them up without allocating.
/// </summary>
public static class TokenText
{
    public const string Space = " ";
    public const string Newline = "\n";

    /// <summary>The FoNE number token: one token standing for a whole number (its value rides alongside).</summary>
    public const string Num = "[NUM]";

    private static readonly string[] _digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    private static readonly string?[] _residues = new string?[Tasks.TaskSpec.MaxModulus];

    /// <summary>"0" to "9", as shared instances.</summary>
    public static IReadOnlyList<string> Digits => _digits;

    public static string Digit(int d) => _digits[d];

    /// <summary>
    /// The single token for residue r in modular addition: "&lt;r&gt;", e.g. "&lt;17&gt;". Angle brackets keep a
    /// residue apart from digit tokens, so "&lt;17&gt;" is never read as the digits 1, 7.
    /// </summary>
    public static string Residue(int r)
    {
        if (r < 0 || r >= _residues.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(r), r, $"residues run from 0 to {_residues.Length - 1}");
        }

        return _residues[r] ??= $"<{r}>";
    }

    /// <summary>Reads a residue token back; false when the text is not one.</summary>
    public static bool TryParseResidue(string text, out int r)
    {
        r = -1;
        return text is ['<', .., '>'] && text.Length > 2 && text.Length <= 7
            && int.TryParse(text.AsSpan(1, text.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out r)
            && text == Residue(r);
    }

    /// <summary>The distinct characters of <paramref name="alphabet"/> as one-character tokens, in order of first appearance.</summary>
    public static IReadOnlyList<string> Characters(string alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var seen = new HashSet<char>();
        var list = new List<string>();
        foreach (var c in alphabet)
        {
            if (seen.Add(c))
            {
                list.Add(c is >= '0' and <= '9' ? _digits[c - '0'] : c.ToString());
            }
        }

        return list;
    }
}
