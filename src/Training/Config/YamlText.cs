using System.Globalization;
using System.Text;

namespace ArithLab.Training.Config;

/// <summary>Canonical spellings of scalars in written configs, the same on every machine and culture.</summary>
internal static class YamlText
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Shortest text that parses back to the same double ("R"), with a decimal point or exponent
    /// so YAML readers in other languages also see a float.
    /// </summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
        }
        var s = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('e', StringComparison.Ordinal) ? s : s + ".0";
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A double-quoted scalar: safe for any text (colons, '#', leading spaces, "yes").</summary>
    public static string Quoted(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(ch))
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
