namespace ArithLab.Training.Reports;

/// <summary>
/// One folder of <c>probes/</c> as read for a report: its name (<c>fourier</c>, <c>patch</c>, …), the
/// summary.json it wrote (its key numbers) and its SVG figures by file name; a missing file is null or absent.
/// </summary>
public sealed record ProbeSection(string Name, string? SummaryJson, IReadOnlyList<(string File, string Svg)> Figures)
{
    public const string FolderName = "probes";
    public const string SummaryFileName = "summary.json";

    /// <summary>Every probes/&lt;name&gt;/ of a run that holds a summary or a figure, by name.</summary>
    public static IReadOnlyList<ProbeSection> Read(string runPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(runPath);
        var folder = Path.Combine(runPath, FolderName);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => new ProbeSection(
                Path.GetFileName(d),
                File.Exists(Path.Combine(d, SummaryFileName)) ? File.ReadAllText(Path.Combine(d, SummaryFileName)) : null,
                Directory.GetFiles(d, "*.svg").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray()))
            .Where(s => s.SummaryJson is not null || s.Figures.Count > 0)
            .ToArray();
    }
}
