using System.Globalization;
using System.Text;

namespace ArithLab.Plots.Svg;

/// <summary>
/// Builds an SVG document as text. Attribute values are formatted here and only here: doubles through
/// <see cref="SvgNumber"/>, strings escaped, nulls left out, so no chart can emit culture commas or raw '&amp;'.
/// </summary>
internal sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _sb = new();
    private int _depth;

    public SvgWriter(double width, double height, string fontFamily)
    {
        _sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Open("svg",
            ("xmlns", Namespace),
            ("viewBox", $"0 0 {SvgNumber.Format(width)} {SvgNumber.Format(height)}"),
            ("width", width),
            ("height", height),
            ("font-family", fontFamily));
    }

    public void Open(string name, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        AppendAttributes(attributes);
        _sb.Append(">\n");
        _depth++;
    }

    public void Close(string name)
    {
        _depth--;
        Indent();
        _sb.Append("</").Append(name).Append(">\n");
    }

    public void Empty(string name, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        AppendAttributes(attributes);
        _sb.Append("/>\n");
    }

    /// <summary>An element whose only content is <paramref name="text"/> (escaped).</summary>
    public void Text(string name, string text, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        AppendAttributes(attributes);
        _sb.Append('>').Append(SvgText.Escape(text)).Append("</").Append(name).Append(">\n");
    }

    /// <summary>"10" with a raised exponent: decade labels on log axes.</summary>
    public void PowerOfTen(int exponent, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append("<text");
        AppendAttributes(attributes);
        _sb.Append(">10<tspan dy=\"-0.45em\" font-size=\"75%\">")
            .Append(exponent.ToString(CultureInfo.InvariantCulture))
            .Append("</tspan></text>\n");
    }

    public string Finish()
    {
        Close("svg");
        if (_depth != 0)
        {
            throw new InvalidOperationException($"SVG elements left open: depth {_depth}");
        }
        return _sb.ToString();
    }

    private void Indent() => _sb.Append(' ', _depth * 2);

    private void AppendAttributes((string Name, object? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            var text = value switch
            {
                null => null,
                // data-* attributes carry the data value itself, for readers and tests: full precision.
                double d when name.StartsWith("data-", StringComparison.Ordinal) => d.ToString("R", CultureInfo.InvariantCulture),
                double d => SvgNumber.Format(d),
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s => SvgText.Escape(s),
                IFormattable f => SvgText.Escape(f.ToString(null, CultureInfo.InvariantCulture)),
                _ => SvgText.Escape(value.ToString() ?? ""),
            };
            if (text is not null)
            {
                _sb.Append(' ').Append(name).Append("=\"").Append(text).Append('"');
            }
        }
    }
}
