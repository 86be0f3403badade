using System.Globalization;
using System.Text;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Reports;

/// <summary>
/// Writes the comparison of several runs into one folder: <c>loss.svg</c>, <c>accuracy.svg</c>,
/// <c>length.svg</c>/<c>.png</c> (exact match at a = b = n against n), <c>grid-N-&lt;run&gt;.svg</c> per evaluated run, <c>difference.svg</c> for two runs,
/// <c>seeds-K-mean.svg</c>, <c>seeds-K-spread.svg</c> and <c>seeds-K.csv</c> per group of runs that
/// differ only by seed, and <c>compare.html</c> holding them all (a sweep's collection step can call
/// it on the sweep's runs).
/// </summary>
public static class ComparisonReport
{
    public const string FileName = "compare.html";

    public sealed record Written(IReadOnlyList<string> Files, IReadOnlyList<string> Notes);

    public static Written Write(IReadOnlyList<ComparedRun> runs, string folder)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var notes = new List<string>();
        var page = new StringBuilder();
        var figure = 0;

        // Every figure is saved through the chart's own SaveAs and inlined from the file it wrote.
        void Add(string name, Action<string>? saveAs, string? caption = null)
        {
            if (saveAs is null)
            {
                return;
            }
            var path = Path.Combine(folder, name);
            saveAs(path);
            files.Add(path);
            page.Append("<figure class=\"chart\">").Append(Html.InlineSvg(File.ReadAllText(path), $"f{figure++}"));
            if (caption is not null)
            {
                page.Append("<figcaption>").Append(Html.Escape(caption)).Append("</figcaption>");
            }
            page.Append("</figure>\n");
        }

        page.Append("<h2>Runs</h2>\n").Append(RunTable(runs));
        page.Append("<h2>Training curves</h2>\n<div class=\"row\">\n");
        Add("loss.svg", ComparisonFigures.Loss(runs) is { } loss ? loss.SaveAs : null);
        Add("accuracy.svg", ComparisonFigures.Accuracy(runs) is { } accuracy ? accuracy.SaveAs : null);
        page.Append("</div>\n");
        if (ComparisonFigures.Length(runs) is { } length)
        {
            page.Append("<h2>Exact match against length</h2>\n");
            Add("length.svg", length.SaveAs, "the grid's diagonal and eval/beyond.csv: a = b = n digits");
            var png = Path.Combine(folder, "length.png");
            length.SaveAs(png);
            files.Add(png);
        }

        var evaluated = runs.Where(r => r.Grid.Count > 0).ToList();
        var frame = GridFrame.Of(evaluated);
        page.Append("<h2>Length grids</h2>\n");
        foreach (var run in runs.Where(r => r.Grid.Count == 0))
        {
            notes.Add($"{run.Label} has no eval/grid.csv: run `arithlab eval {run.Path}` for its grid");
        }
        if (frame is null)
        {
            page.Append("<p class=\"note\">No run has been evaluated: run <code>arithlab eval &lt;run&gt;</code> first.</p>\n");
        }
        else
        {
            page.Append("<div class=\"row\">\n");
            for (var i = 0; i < evaluated.Count; i++)
            {
                Add($"grid-{i + 1}-{evaluated[i].Label}.svg", ComparisonFigures.Grid(evaluated[i], frame).SaveAs);
            }
            page.Append("</div>\n");
            if (evaluated.Count == 2)
            {
                Add("difference.svg", ComparisonFigures.Difference(evaluated[0], evaluated[1], frame).SaveAs,
                    $"Exact match of {evaluated[1].Label} minus {evaluated[0].Label}, in percentage points; empty cells were not evaluated in both.");
            }
        }

        var groups = SeedGroup.Find(runs);
        if (groups.Count > 0)
        {
            page.Append("<h2>Over seeds</h2>\n");
        }
        for (var k = 0; k < groups.Count; k++)
        {
            var group = groups[k];
            page.Append("<p>Runs that differ only by seed: ").Append(Html.Escape(string.Join(", ", group.Runs.Select(r => r.Label)))).Append(".</p>\n");
            if (group.Cells.Count == 0 || frame is null)
            {
                page.Append("<p class=\"note\">Fewer than two of them are evaluated: no grid average.</p>\n");
                continue;
            }
            var csv = Path.Combine(folder, $"seeds-{k + 1}.csv");
            AtomicFile.WriteAllText(csv, SeedCsv(group));
            files.Add(csv);
            page.Append("<div class=\"row\">\n");
            Add($"seeds-{k + 1}-mean.svg", ComparisonFigures.SeedMean(group, frame).SaveAs);
            Add($"seeds-{k + 1}-spread.svg", ComparisonFigures.SeedSpread(group, frame).SaveAs,
                $"Sample standard deviation over {group.Cells[0].Runs} seeds; with two seeds it is their difference / √2.");
            page.Append("</div>\n");
        }

        var title = "ArithLab comparison: " + string.Join(" vs ", runs.Select(r => r.Label));
        var html = Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(html, Page(title, page.ToString()));
        files.Add(html);
        return new Written(files, notes);
    }

    private static string RunTable(IReadOnlyList<ComparedRun> runs)
    {
        var sb = new StringBuilder("<table>\n<tr><th>run</th><th>seed</th><th>steps</th><th>held-out exact match</th><th>grid mean</th><th>science keys that differ from the first run</th></tr>\n");
        var first = runs[0].Config;
        foreach (var run in runs)
        {
            var differences = first is null || run.Config is null
                ? "(config not readable)"
                : string.Join("; ", ConfigDifference.Science(first, run.Config));
            sb.Append("<tr><td title=\"").Append(Html.Escape(run.Path)).Append("\">").Append(Html.Escape(run.Label))
              .Append("</td><td>").Append(run.Config?.Seed.ToString(CultureInfo.InvariantCulture) ?? "")
              .Append("</td><td>").Append(Number(run.Metrics.FirstOrDefault()?.Steps is { Count: > 0 } s ? s[^1] : null, "0"))
              .Append("</td><td>").Append(Number(run.Last("held_out_exact_match"), "0.000"))
              .Append("</td><td>").Append(Number(run.GridMean, "0.000"))
              .Append("</td><td>").Append(Html.Escape(differences)).Append("</td></tr>\n");
        }
        return sb.Append("</table>\n").ToString();
    }

    private static string SeedCsv(SeedGroup group)
    {
        var sb = new StringBuilder("a_len,b_len,runs,mean,std,min,max\n");
        foreach (var c in group.Cells)
        {
            sb.AppendLine(string.Join(',', c.LengthA, c.LengthB, c.Runs,
                c.Mean.ToString("R", CultureInfo.InvariantCulture), c.Spread.ToString("R", CultureInfo.InvariantCulture),
                c.Min.ToString("R", CultureInfo.InvariantCulture), c.Max.ToString("R", CultureInfo.InvariantCulture)));
        }
        return sb.ToString();
    }

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "—";

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{Html.Escape(title)}</title>
        <style>
        body {"{"} font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1500px; color: #222; padding: 0 1em; {"}"}
        h2 {"{"} border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; {"}"}
        table {"{"} border-collapse: collapse; margin: .6em 0 1.2em; {"}"}
        th, td {"{"} border: 1px solid #ccc; padding: .25em .7em; text-align: left; {"}"}
        th {"{"} background: #f0f0f0; {"}"}
        .row {"{"} display: flex; flex-wrap: wrap; gap: 1em; {"}"}
        .chart {"{"} margin: 0; flex: 1 1 420px; max-width: 720px; {"}"}
        .chart svg {"{"} width: 100%; height: auto; {"}"}
        .note {"{"} color: #666; font-style: italic; {"}"}
        </style>
        </head>
        <body>
        <h1>{Html.Escape(title)}</h1>
        {body}
        </body>
        </html>

        """;
}
