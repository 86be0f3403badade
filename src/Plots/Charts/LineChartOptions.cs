namespace ArithLab.Plots;

/// <summary>Options of a <see cref="LineChart"/>.</summary>
public sealed record LineChartOptions
{
    public string? Title { get; init; }

    /// <summary>Width of the viewBox in pixels.</summary>
    public double Width { get; init; } = 720;

    /// <summary>Height of the viewBox in pixels.</summary>
    public double Height { get; init; } = 440;

    public AxisOptions X { get; init; } = new();

    public AxisOptions Y { get; init; } = new();

    /// <summary>Show the legend; by default it is shown when there is more than one series.</summary>
    public bool? Legend { get; init; }
}
