using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArithLab.Training.Reports;

/// <summary>
/// A self-contained HTML page for one run: the resolved config, the training curves and every
/// evaluation (summary tables, the heatmap, accuracy by carries), with every figure embedded as a
/// PNG data URI and no external asset, so the file can be mailed or archived and still open. The markup is also
/// well-formed XML, so tools (and tests) can read it back.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    internal const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
        pre { background: #f6f8fa; padding: 1em; overflow: auto; font-size: 12px; line-height: 1.35; }
        table { border-collapse: collapse; margin: .6em 0 1.2em; }
        th, td { border: 1px solid #ccc; padding: .25em .7em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #f0f0f0; }
        .chart img { max-width: 100%; height: auto; }
        .note { color: #666; font-style: italic; }
        """;

    public static string Build(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<title>").Append(Html.Escape(content.Title)).Append("</title>\n")
          .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
          .Append("<h1>").Append(Html.Escape(content.Title)).Append("</h1>\n");

        sb.Append("<h2>Training curves</h2>\n");
        if (content.Curves.Count == 0)
        {
            sb.Append("<p class=\"note\">No metrics log (metrics.jsonl or metrics.csv) in the run yet.</p>\n");
        }
        for (var i = 0; i < content.Curves.Count; i++)
        {
            var (title, png) = content.Curves[i];
            sb.Append("<div class=\"chart\" title=\"").Append(Html.Escape(title)).Append("\">\n")
              .Append(Html.PngImage(png, title)).Append("\n</div>\n");
        }

        sb.Append("<h2>Evaluation</h2>\n");
        if (content.HeldOutJson is { } heldOut)
        {
            AppendHeldOut(sb, heldOut);
        }
        if (content.Evaluations.Count == 0)
        {
            sb.Append("<p class=\"note\">Not evaluated yet: run <code>arithlab eval &lt;run&gt;</code>.</p>\n");
        }
        for (var i = 0; i < content.Evaluations.Count; i++)
        {
            AppendEval(sb, content.Evaluations[i]);
        }

        if (content.Probes is { Count: > 0 } probes)
        {
            sb.Append("<h2>Probes</h2>\n");
            for (var i = 0; i < probes.Count; i++)
            {
                AppendProbe(sb, probes[i], i);
            }
        }

        sb.Append("<h2>Config</h2>\n");
        sb.Append(content.ConfigYaml is null
            ? "<p class=\"note\">No resolved config found.</p>\n"
            : "<pre class=\"config\">" + Html.Escape(content.ConfigYaml) + "</pre>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendHeldOut(StringBuilder sb, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            sb.Append("<p>Held-out check at the end of training (teacher-forced exact match at the training lengths):</p>\n");
            Table(sb, ["field", "value"], doc.RootElement.EnumerateObject().Select(p => new[] { p.Name, Text(doc.RootElement, p.Name) }));
        }
        catch (JsonException)
        {
            // The trainer's own file; a damaged one leaves the grid results to speak.
        }
    }

    /// <summary>A probe's key numbers (its summary.json's top-level fields) and figures.</summary>
    private static void AppendProbe(StringBuilder sb, ProbeSection section, int index)
    {
        sb.Append("<h3>probes/").Append(Html.Escape(section.Name)).Append("</h3>\n");
        if (section.SummaryJson is { } json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    Table(sb, ["field", "value"], doc.RootElement.EnumerateObject().Select(p => new[] { p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText() }));
                }
            }
            catch (JsonException e)
            {
                sb.Append("<p class=\"note\">summary.json could not be read: ").Append(Html.Escape(e.Message)).Append("</p>\n");
            }
        }
        for (var f = 0; f < section.Figures.Count; f++)
        {
            var (file, svg) = section.Figures[f];
            sb.Append("<div class=\"chart\" title=\"").Append(Html.Escape(file)).Append("\">\n")
              .Append(Html.InlineSvg(svg, $"probe{index}-{f}")).Append("\n</div>\n");
        }
    }

    private static void AppendEval(StringBuilder sb, EvalSection section)
    {
        sb.Append("<h3>").Append(Html.Escape(section.Name)).Append("</h3>\n");
        if (section.SummaryJson is { } json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                AppendSummary(sb, doc.RootElement);
            }
            catch (JsonException e)
            {
                sb.Append("<p class=\"note\">summary.json could not be read: ").Append(Html.Escape(e.Message)).Append("</p>\n");
            }
        }
        if (section.HeatmapPng is { } png)
        {
            sb.Append("<div class=\"chart heatmap\">\n").Append(Html.PngImage(png, $"{section.Name}: length-generalization heatmap")).Append("\n</div>\n");
        }
        if (section.CarriesCsv is { } carries)
        {
            var rows = carries.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).Where(c => c.Length >= 4).ToList();
            if (rows.Count > 0)
            {
                sb.Append("<p>Accuracy by number of carries (all grid problems):</p>\n");
                Table(sb, ["carries", "n", "correct", "accuracy"], rows.Select(r => new[] { r[0], r[1], r[2], PercentText(r[3]) }));
            }
        }
    }

    private static void AppendSummary(StringBuilder sb, JsonElement s)
    {
        var rows = new List<string[]>();
        foreach (var (key, label) in new[] { ("in_distribution", "in-distribution"), ("out_of_distribution", "out-of-distribution") })
        {
            if (s.TryGetProperty(key, out var t) && t.ValueKind == JsonValueKind.Object)
            {
                rows.Add([label, Text(t, "n"), Text(t, "correct"), Percent(t, "accuracy")]);
            }
        }
        foreach (var (key, label) in new[] { ("best_cell", "best cell"), ("worst_cell", "worst cell") })
        {
            if (s.TryGetProperty(key, out var c) && c.ValueKind == JsonValueKind.Object)
            {
                rows.Add([$"{label} (a={Text(c, "a_len")}, b={Text(c, "b_len")})", Text(c, "n"), Text(c, "correct"), Percent(c, "accuracy")]);
            }
        }
        if (s.TryGetProperty("beyond", out var beyond) && beyond.ValueKind == JsonValueKind.Array)
        {
            foreach (var b in beyond.EnumerateArray())
            {
                rows.Add([$"beyond a=b={Text(b, "length")}", Text(b, "n"), Text(b, "correct"), Percent(b, "accuracy")]);
            }
        }
        var heading = $"{Text(s, "task")}, {Text(s, "format")}";
        if (s.TryGetProperty("recurrences", out var r) && r.ValueKind == JsonValueKind.Number)
        {
            heading += $", {r.GetRawText()} recurrences";
        }
        sb.Append("<p>").Append(Html.Escape(heading)).Append("; ").Append(Html.Escape(Text(s, "per_cell"))).Append(" problems per cell.</p>\n");
        Table(sb, ["set", "n", "correct", "accuracy"], rows);

        if (s.TryGetProperty("failures", out var failures) && failures.ValueKind == JsonValueKind.Object && failures.EnumerateObject().Any())
        {
            sb.Append("<p>Why wrong answers were wrong:</p>\n");
            Table(sb, ["reason", "count"], failures.EnumerateObject().Select(f => new[] { f.Name, f.Value.GetRawText() }));
        }
        if (s.TryGetProperty("carries_note", out var note) && note.ValueKind == JsonValueKind.String)
        {
            sb.Append("<p class=\"note\">").Append(Html.Escape(note.GetString())).Append("</p>\n");
        }
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows)
    {
        sb.Append("<table>\n<tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(Html.Escape(h)).Append("</th>");
        }
        sb.Append("</tr>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Null => "-",
            _ => v.GetRawText(),
        } : "-";

    private static string Percent(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? (v.GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string PercentText(string fraction) =>
        double.TryParse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
