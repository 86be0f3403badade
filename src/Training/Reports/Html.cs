using System.Text;

namespace ArithLab.Training.Reports;

/// <summary>Escaping and embedded images for the HTML report.</summary>
public static class Html
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
}
