namespace ArithLab.Plots;

/// <summary>One bar per category, in the chart's category order. NaN leaves that bar out.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Null takes the next palette colour.</summary>
    public Rgb? Color { get; init; }
}
