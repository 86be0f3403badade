namespace ArithLab.Plots;

/// <summary>One run's exact match (percent) at each operand length it was evaluated on.</summary>
public sealed record LengthCurve(string Name, IReadOnlyList<double> Lengths, IReadOnlyList<double> Percent);
