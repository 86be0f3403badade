namespace ArithLab.Training.Reports;

/// <summary>The files of one evaluation folder, as read for a report; a missing file is null.</summary>
/// <param name="Name">"eval", or "eval/recurrences-8" for a looped model at 8 recurrences.</param>
public sealed record EvalSection(string Name, string? SummaryJson, byte[]? HeatmapPng, string? CarriesCsv);
