using System.Text;

namespace ArithLab.Plots.Svg;

/// <summary>Escaping of user text (series names, labels, titles) for SVG text and attribute values.</summary>
internal static class SvgText
{
    /// <summary>
    /// Escapes the five XML special characters and replaces characters XML 1.0 cannot carry at all
    /// (most control characters, lone surrogates) with U+FFFD, so any string yields well-formed XML.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (IsXmlChar(c))
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    // XML 1.0 § 2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] (pairs handled by the caller).
    private static bool IsXmlChar(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
