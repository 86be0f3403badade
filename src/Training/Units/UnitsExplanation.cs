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
                sb.AppendLine($"| `{k.Path}` | {k.Type} | `{k.DefaultText}` | {k.Doc} |");
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
}
