using System.Globalization;
using System.Text;
using ArithLab.Training.Reports;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// What `arithlab sweep collect` writes to {run_dir}/sweep/: results.csv, accuracy-by-length.svg,
/// accuracy-by-train-size.svg/.png (when data.train_size varies), heatmaps/{n}-{label}.svg, ranking.csv, ranking.md and report.html (every figure inlined, so the
/// page stands alone).
/// </summary>
public static class SweepReport
{
    public const string FigureFileName = "accuracy-by-length.svg";

    /// <summary>Written (.svg and .png) when the sweep varies data.train_size.</summary>
    public const string TrainSizeFigureFileName = "accuracy-by-train-size.svg";

    /// <summary>Writes every file; returns the report's path.</summary>
    public static string Write(SweepResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var file = results.Plan.File;
        var folder = file.SweepFolder;
        var heatmapFolder = Path.Combine(folder, "heatmaps");
        Directory.CreateDirectory(heatmapFolder);
        // Settings are numbered in the order they have results, so an earlier collect's files may name other settings.
        foreach (var stale in Directory.GetFiles(heatmapFolder, "*.svg"))
        {
            File.Delete(stale);
        }
        Runs.AtomicFile.WriteAllText(Path.Combine(folder, SweepResults.CsvFileName), results.ToCsv());

        var summaries = results.Summaries();
        var ranked = Ranked(summaries);
        var trainedUpTo = results.Plan.Base.Data.DigitsA.Max;
        var chart = SweepFigures.AccuracyByLength(summaries, $"{file.Name.Value}: exact match by length (mean over seeds; dashed: seed range)", trainedUpTo);
        chart.SaveAs(Path.Combine(folder, FigureFileName));
        var bySize = SweepFigures.AccuracyByTrainSize(summaries, $"{file.Name.Value}: exact match against the training-set size");
        bySize?.SaveAs(Path.Combine(folder, TrainSizeFigureFileName));
        bySize?.SaveAs(Path.Combine(folder, Path.ChangeExtension(TrainSizeFigureFileName, ".png")));
        var heatmaps = summaries.Select((s, i) =>
        {
            var svg = SweepFigures.Pooled(results, s).ToSvg();
            var path = Path.Combine(heatmapFolder, $"{i:00}-{Slug(s.Label)}.svg");
            Runs.AtomicFile.WriteAllText(path, svg);
            return (s.Label, Svg: svg);
        }).ToList();
        Runs.AtomicFile.WriteAllText(Path.Combine(folder, "ranking.csv"), RankingCsv(ranked));
        Runs.AtomicFile.WriteAllText(Path.Combine(folder, "ranking.md"), RankingMarkdown(ranked));

        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<title>").Append(Html.Escape($"sweep {file.Name.Value}")).Append("</title>\n")
            .Append("<style>\n").Append(HtmlReport.Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Html.Escape($"sweep {file.Name.Value}")).Append("</h1>\n")
            .Append("<p>").Append(Html.Escape(file.Description)).Append("</p>\n")
            .Append("<p>").Append(Html.Escape($"{results.Runs.Count()} of {results.Plan.Runs.Count} runs collected; base {file.BasePath}.")).Append("</p>\n")
            .Append("<h2>Ranking</h2>\n").Append(RankingHtml(ranked))
            .Append("<h2>Exact match against operand length</h2>\n<div class=\"chart\">\n").Append(Html.InlineSvg(chart.ToSvg(), "length")).Append("\n</div>\n")
            .Append(bySize is null ? "" : $"<h2>Exact match against the training-set size</h2>\n<div class=\"chart\">\n{Html.InlineSvg(bySize.ToSvg(), "size")}\n</div>\n")
            .Append("<h2>Heatmaps (seeds pooled)</h2>\n");
        for (var i = 0; i < heatmaps.Count; i++)
        {
            html.Append("<div class=\"chart\" title=\"").Append(Html.Escape(heatmaps[i].Label)).Append("\">\n")
                .Append(Html.InlineSvg(heatmaps[i].Svg, $"heat{i}")).Append("\n</div>\n");
        }
        html.Append("</body>\n</html>\n");
        var report = Path.Combine(folder, HtmlReport.FileName);
        Runs.AtomicFile.WriteAllText(report, html.ToString());
        return report;
    }

    /// <summary>Best first: mean exact match outside the training lengths, then inside.</summary>
    public static IReadOnlyList<SweepConfigSummary> Ranked(IEnumerable<SweepConfigSummary> summaries) =>
        summaries.OrderByDescending(s => Finite(s.OutOfDistributionMean)).ThenByDescending(s => Finite(s.InDistributionMean)).ToList();

    private static readonly string[] Columns = ["rank", "setting", "seeds", "in-distribution", "out-of-distribution (mean ± sd)", "per seed (out)", "longest length ≥ 90% / ≥ 50%"];

    private static IEnumerable<string[]> Rows(IReadOnlyList<SweepConfigSummary> ranked) =>
        ranked.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            s.Label,
            s.Runs.Count.ToString(CultureInfo.InvariantCulture),
            Percent(s.InDistributionMean),
            Percent(s.OutOfDistributionMean) + (double.IsFinite(s.OutOfDistributionSpread) ? " ± " + Percent(s.OutOfDistributionSpread) : ""),
            string.Join(" ", s.OutOfDistribution.Select(Percent)),
            $"{s.LongestAbove(0.9).ToString(CultureInfo.InvariantCulture)} / {s.LongestAbove(0.5).ToString(CultureInfo.InvariantCulture)}",
        });

    private static string RankingCsv(IReadOnlyList<SweepConfigSummary> ranked)
    {
        var sb = new StringBuilder("rank,setting,seeds,in_distribution_mean,out_of_distribution_mean,out_of_distribution_sd,longest_90,longest_50\n");
        foreach (var (s, i) in ranked.Select((s, i) => (s, i)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1},\"{s.Label}\",{s.Runs.Count},{Number(s.InDistributionMean)},{Number(s.OutOfDistributionMean)},{Number(s.OutOfDistributionSpread)},{s.LongestAbove(0.9)},{s.LongestAbove(0.5)}\n");
        }
        return sb.ToString();
    }

    private static string RankingMarkdown(IReadOnlyList<SweepConfigSummary> ranked)
    {
        var sb = new StringBuilder("| " + string.Join(" | ", Columns) + " |\n|" + string.Concat(Columns.Select(_ => " --- |")) + "\n");
        foreach (var row in Rows(ranked))
        {
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }
        return sb.ToString();
    }

    private static string RankingHtml(IReadOnlyList<SweepConfigSummary> ranked)
    {
        var sb = new StringBuilder("<table class=\"ranking\">\n<tr>").Append(string.Concat(Columns.Select(c => "<th>" + Html.Escape(c) + "</th>"))).Append("</tr>\n");
        foreach (var row in Rows(ranked))
        {
            sb.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + Html.Escape(c) + "</td>"))).Append("</tr>\n");
        }
        return sb.Append("</table>\n<p class=\"note\">In- and out-of-distribution: exact match pooled over the grid's cells inside and outside the training lengths, per seed, then averaged. Longest length: up to where the mean over seeds stays at or above the level at every longer-operand length.</p>\n").ToString();
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : -1;

    private static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Slug(string label) =>
        new(label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
