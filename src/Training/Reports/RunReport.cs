using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Reports;

/// <summary>
/// Plots a run directory: <c>plots/loss.png</c>, <c>plots/accuracy.png</c> (and the same as .svg)
/// from its metrics log, and <c>report.html</c> with the config, those curves, every evaluation
/// folder and every probes/ folder found.
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
        var curves = new List<(string Title, byte[] Png)>();
        var metrics = target.MetricsPath is { } m ? MetricsReader.Read(m) : [];
        if (target.MetricsPath is null)
        {
            notes.Add("no metrics.jsonl or metrics.csv yet: no curves");
        }
        var about = TaskAndFormat(run);
        foreach (var (name, chart) in new[] { ("loss", RunCurves.Loss(metrics, about + "loss")), ("accuracy", RunCurves.Accuracy(metrics, about + "accuracy")) })
        {
            if (chart is null)
            {
                if (target.MetricsPath is not null)
                {
                    notes.Add($"the metrics log has no {name} field");
                }
                continue;
            }
            var png = Path.Combine(run.PlotsPath, name + ".png");
            var svg = Path.Combine(run.PlotsPath, name + ".svg");
            chart.SaveAs(png);
            chart.SaveAs(svg);
            files.Add(png);
            files.Add(svg);
            curves.Add((name, File.ReadAllBytes(png)));
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
            .Where(f => File.Exists(Path.Combine(f.Path, EvalFiles.SummaryJson)) || File.Exists(Path.Combine(f.Path, EvalFiles.HeatmapPng)))
            .Select(f => new EvalSection(f.Name,
                ReadOrNull(Path.Combine(f.Path, EvalFiles.SummaryJson)),
                BytesOrNull(Path.Combine(f.Path, EvalFiles.HeatmapPng)),
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

    // "addition, reversed: " from the resolved config, so a figure names what was trained; nothing when it no longer loads.
    private static string TaskAndFormat(RunDirectory run)
    {
        try
        {
            var config = ConfigLoader.Load(run.ConfigPath);
            return $"{config.Task.Name.ToString().ToLowerInvariant()}, {config.Data.Format.ToString().ToLowerInvariant()}: ";
        }
        catch (Exception e) when (e is IOException or ConfigException)
        {
            return "";
        }
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static byte[]? BytesOrNull(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
}
