namespace ArithLab.Plots;

/// <summary>Options of a <see cref="ScatterChart"/>.</summary>
public sealed record ScatterChartOptions
{
    public string? Title { get; init; }

    public double Width { get; init; } = 640;

    public double Height { get; init; } = 520;

    public AxisOptions X { get; init; } = new();

    public AxisOptions Y { get; init; } = new();

    /// <summary>Same pixels per unit on both axes, so a helix projection's circle stays a circle.</summary>
    public bool EqualAspect { get; init; }

    /// <summary>Map for series with <see cref="ScatterSeries.Values"/>.</summary>
    public ColorMap ColorMap { get; init; } = ColorMap.Viridis;

    /// <summary>Value at the map's first colour; null takes the smallest value.</summary>
    public double? ValueMin { get; init; }

    /// <summary>Value at the map's last colour; null takes the largest value.</summary>
    public double? ValueMax { get; init; }

    public string? ColorBarLabel { get; init; }

    /// <summary>Show the legend; by default shown when more than one series has no <see cref="ScatterSeries.Values"/>.</summary>
    public bool? Legend { get; init; }
}
