namespace ArithLab.Training.Reports;

/// <summary>What a run report shows: its name, resolved config, curves (title, SVG) and evaluations.</summary>
public sealed record ReportContent(
    string Title,
    string? ConfigYaml,
    IReadOnlyList<(string Title, string Svg)> Curves,
    IReadOnlyList<EvalSection> Evaluations);
