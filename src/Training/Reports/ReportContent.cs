namespace ArithLab.Training.Reports;

/// <summary>
/// What a run report shows: its name, resolved config, curves (title, PNG), the trainer's held-out
/// check (eval/held_out.json, JSON), the evaluations and the probes (<c>arithlab probe</c>).
/// </summary>
public sealed record ReportContent(
    string Title,
    string? ConfigYaml,
    IReadOnlyList<(string Title, byte[] Png)> Curves,
    IReadOnlyList<EvalSection> Evaluations,
    string? HeldOutJson = null,
    IReadOnlyList<ProbeSection>? Probes = null);
