using ArithLab.Plots;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Reports;

/// <summary>
/// Plots a run directory: <c>plots/loss.svg</c> and <c>plots/accuracy.svg</c> from its metrics
/// log, and <c>report.html</c> with the config, those curves, every evaluation folder and every probes/ folder found.
/// </summary>
public static class RunReport
{
    /// <summary>The trainer's end-of-training held-out check, shown above the grid results.</summary>
    public const string HeldOutFileName = "held_out.json";

    /// <summary>What <see cref="Write"/> produced, for the command line to list.</summary>
    public sealed record Written(IReadOnlyList<string> Files, IReadOnlyList<string> Notes);

    public static Written Write(RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = target.Run;
        var files = new List<string>();
        var notes = new List<string>();
        var curves = new List<(string Title, string Svg)>();
        var metrics = target.MetricsPath is { } m ? MetricsReader.Read(m) : [];
        if (target.MetricsPath is null)
        {
            notes.Add("no metrics.jsonl or metrics.csv yet: no curves");
        }
        foreach (var (name, chart) in new[] { ("loss", RunCurves.Loss(metrics)), ("accuracy", RunCurves.Accuracy(metrics)) })
        {
            if (chart is null)
            {
                if (target.MetricsPath is not null)
                {
                    notes.Add($"the metrics log has no {name} field");
                }
                continue;
            }
            var path = Path.Combine(run.PlotsPath, name + ".svg");
            var svg = chart.ToSvg();
            SvgFile.Write(path, svg);
            files.Add(path);
            curves.Add((name, svg));
        }

        var content = new ReportContent(Title(run), ReadOrNull(run.ConfigPath), curves, EvalSections(run.EvalPath), ReadOrNull(Path.Combine(run.EvalPath, HeldOutFileName)), ProbeSection.Read(run.Path));
        var report = Path.Combine(run.Path, HtmlReport.FileName);
        EvalFiles.WriteAtomic(report, HtmlReport.Build(content));
        files.Add(report);
        return new Written(files, notes);
    }

    /// <summary>eval/ and each eval/recurrences-N/ that holds results, in order of N.</summary>
    public static IReadOnlyList<EvalSection> EvalSections(string evalDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(evalDirectory);
        if (!Directory.Exists(evalDirectory))
        {
            return [];
        }
        var folders = new List<(string Name, string Path)> { ("eval", evalDirectory) };
        folders.AddRange(Directory.GetDirectories(evalDirectory, "recurrences-*")
            .OrderBy(d => int.TryParse(Path.GetFileName(d)["recurrences-".Length..], out var n) ? n : int.MaxValue)
            .Select(d => ($"eval/{Path.GetFileName(d)}", d)));
        return folders
            .Where(f => File.Exists(Path.Combine(f.Path, EvalFiles.SummaryJson)) || File.Exists(Path.Combine(f.Path, EvalFiles.HeatmapSvg)))
            .Select(f => new EvalSection(f.Name,
                ReadOrNull(Path.Combine(f.Path, EvalFiles.SummaryJson)),
                ReadOrNull(Path.Combine(f.Path, EvalFiles.HeatmapSvg)),
                ReadOrNull(Path.Combine(f.Path, EvalFiles.CarriesCsv))))
            .ToList();
    }

    private static string Title(RunDirectory run)
    {
        // The config's name line, read as text so that a report still renders for a config that no longer loads.
        var name = File.Exists(run.ConfigPath)
            ? File.ReadLines(run.ConfigPath).Where(l => l.StartsWith("name:", StringComparison.Ordinal)).Select(l => l["name:".Length..].Trim().Trim('"', '\'')).FirstOrDefault()
            : null;
        return $"ArithLab run: {(string.IsNullOrEmpty(name) ? Path.GetFileName(run.Path) : name)}";
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
