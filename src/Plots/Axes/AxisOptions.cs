namespace ArithLab.Plots;

/// <summary>One axis of a line, scatter or bar chart.</summary>
public sealed record AxisOptions
{
    /// <summary>The axis title, e.g. "step" or "loss". Null or empty draws none.</summary>
    public string? Label { get; init; }

    public AxisScale Scale { get; init; } = AxisScale.Linear;

    /// <summary>Fixed lower end; null fits the data and rounds out to a nice tick (a decade on log axes).</summary>
    public double? Min { get; init; }

    /// <summary>Fixed upper end; null fits the data and rounds out to a nice tick (a decade on log axes).</summary>
    public double? Max { get; init; }

    /// <summary>Draw light grid lines at the major ticks.</summary>
    public bool Grid { get; init; } = true;
}
