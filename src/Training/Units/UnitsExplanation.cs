using System.Text;

namespace ArithLab.Training.Units;

/// <summary>The units-YAML keys as `arithlab config explain units` prints them (text or a markdown table for docs/units.md).</summary>
public static class UnitsExplanation
{
    public static string Text(bool markdown)
    {
        var sb = new StringBuilder();
        if (markdown)
        {
            sb.AppendLine("| key | type | default | meaning |").AppendLine("| --- | --- | --- | --- |");
            foreach (var k in UnitsKeys.All)
            {
                // A | inside a markdown cell would end it.
                sb.AppendLine($"| `{k.Path}` | {Cell(k.Type)} | `{(k.DefaultText.Length == 0 ? "''" : Cell(k.DefaultText))}` | {Cell(k.Doc)} |");
            }
            return sb.ToString();
        }
        var width = UnitsKeys.All.Max(k => k.Path.Length);
        foreach (var k in UnitsKeys.All)
        {
            sb.AppendLine($"{k.Path.PadRight(width)}  {k.Type}  (default: {(k.DefaultText.Length == 0 ? "''" : k.DefaultText)})");
            sb.AppendLine($"{new string(' ', width)}  {k.Doc}");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
