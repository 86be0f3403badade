namespace ArithLab.Training.Reports;

/// <summary>One logged quantity over training: its name and (step, value) points in log order.</summary>
public sealed record MetricSeries(string Name, IReadOnlyList<double> Steps, IReadOnlyList<double> Values);
