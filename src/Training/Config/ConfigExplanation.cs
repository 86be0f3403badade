using System.Text;

namespace ArithLab.Training.Config;

/// <summary>Renders the key table for people: `arithlab config explain` and the table in docs/config.md.</summary>
public static class ConfigExplanation
{
    /// <summary>Per key: `path = default`, then its type and meaning indented; a blank line between sections.</summary>
    public static string Text(IEnumerable<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var sb = new StringBuilder();
        string? section = null;
        foreach (var key in keys)
        {
            var keySection = key.Path.Split('.')[0];
            if (section is not null && keySection != section && key.Parent.Length > 0)
            {
                sb.Append('\n');
            }
            section = key.Parent.Length == 0 ? "" : keySection;
            sb.Append(key.Path).Append(" = ").Append(key.DefaultText).Append(key.Required ? "  (required)" : "").Append('\n');
            sb.Append("    ").Append(key.Kind.TypeName).Append(" — ").Append(key.Doc).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A Markdown table: key, type, default, meaning.</summary>
    public static string Markdown(IEnumerable<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var sb = new StringBuilder("| key | type | default | meaning |\n| --- | --- | --- | --- |\n");
        foreach (var key in keys)
        {
            var defaultText = key.Required ? "required" : key.DefaultText;
            sb.Append($"| `{key.Path}` | {Cell(key.Kind.TypeName)} | `{Cell(defaultText)}` | {Cell(key.Doc)} |\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
