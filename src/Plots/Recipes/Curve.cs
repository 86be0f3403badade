namespace ArithLab.Plots;

/// <summary>One logged metric over training: its name, the steps it was logged at and its values (NaN: not logged).</summary>
public sealed record Curve(string Name, IReadOnlyList<double> Steps, IReadOnlyList<double> Values);
