namespace ArithLab.Plots;

/// <summary>
/// One named curve. A NaN in <see cref="X"/> or <see cref="Y"/> (or a value ≤ 0 on a log axis) breaks
/// the line there instead of bridging the gap, so a missing evaluation does not look like a trend.
/// </summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="X">x values, e.g. training steps.</param>
/// <param name="Y">y values, one per x.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Null takes the next palette colour.</summary>
    public Rgb? Color { get; init; }

    /// <summary>Draw a dot at each point as well as the line.</summary>
    public bool Markers { get; init; }

    public bool Dashed { get; init; }

    public double LineWidth { get; init; } = 2;

    /// <summary>False keeps the curve out of the legend: guide lines that the title explains, so that
    /// a chart of many settings lists only the settings.</summary>
    public bool InLegend { get; init; } = true;
}
