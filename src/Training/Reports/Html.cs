using System.Text;
using System.Text.RegularExpressions;

namespace ArithLab.Training.Reports;

/// <summary>Escaping and embedded images for the HTML report.</summary>
public static partial class Html
{
    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// A PNG as an &lt;img&gt; with a data URI, so the page carries its figures and opens as one file.
    /// </summary>
    public static string PngImage(byte[] png, string alt)
    {
        ArgumentNullException.ThrowIfNull(png);
        return $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{Escape(alt)}\" />";
    }

    /// <summary>
    /// An SVG document ready to sit inside HTML: the XML declaration dropped (it is only allowed at
    /// the start of a file) and every id suffixed with <paramref name="scope"/>, because ids are
    /// document-wide and two charts' clip paths or patterns would otherwise capture each other.
    /// </summary>
    public static string InlineSvg(string svg, string scope)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var body = svg.TrimStart();
        if (body.StartsWith("<?xml", StringComparison.Ordinal))
        {
            body = body[(body.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        }
        foreach (var id in Ids().Matches(body).Select(m => m.Groups[1].Value).Distinct().ToList())
        {
            var renamed = $"{id}-{scope}";
            body = body.Replace($"id=\"{id}\"", $"id=\"{renamed}\"", StringComparison.Ordinal)
                       .Replace($"url(#{id})", $"url(#{renamed})", StringComparison.Ordinal)
                       .Replace($"href=\"#{id}\"", $"href=\"#{renamed}\"", StringComparison.Ordinal);
        }
        return body;
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Ids();
}
