namespace ArithLab.Plots.Layout;

/// <summary>
/// Estimated text widths, for margins and label thinning without a font engine. Widths are DejaVu Sans
/// advance widths in em (rounded up), the widest of the usual sans fonts, so estimates err towards room.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize)
    {
        var em = 0.0;
        foreach (var c in text)
        {
            em += Advance(c);
        }
        return em * fontSize;
    }

    /// <summary>Width of "10" with a 75%-size exponent, as <c>SvgWriter.PowerOfTen</c> draws it.</summary>
    public static double PowerOfTenWidth(int exponent, double fontSize) =>
        Width("10", fontSize) + Width(exponent.ToString(System.Globalization.CultureInfo.InvariantCulture), fontSize * 0.75);

    private static double Advance(char c) => c switch
    {
        >= '0' and <= '9' => 0.64,
        '.' or ',' or ':' or ';' or '!' or '|' or '\'' => 0.33,
        ' ' => 0.32,
        '-' or '(' or ')' or '[' or ']' or '/' => 0.39,
        'i' or 'j' or 'l' => 0.28,
        'f' or 't' or 'r' or 'I' => 0.42,
        'm' or 'w' => 0.95,
        'M' or 'W' => 0.95,
        >= 'a' and <= 'z' => 0.62,
        >= 'A' and <= 'Z' => 0.72,
        '%' => 0.96,
        '×' or '+' or '=' or '<' or '>' or '−' => 0.84,
        _ => 0.75,
    };
}
