namespace ArithLab.Plots;

/// <summary>Options of a <see cref="BarChart"/>.</summary>
public sealed record BarChartOptions
{
    public string? Title { get; init; }

    public double Width { get; init; } = 640;

    public double Height { get; init; } = 420;

    /// <summary>Title under the categories.</summary>
    public string? XLabel { get; init; }

    /// <summary>The value axis. Linear only: a bar's length must be proportional to its value.</summary>
    public AxisOptions Y { get; init; } = new();

    /// <summary>Write each bar's value at its end.</summary>
    public bool ShowValues { get; init; }

    /// <summary>Format of the value labels; null uses four significant digits.</summary>
    public Func<double, string>? ValueFormat { get; init; }

    /// <summary>Show the legend; by default shown when there is more than one series.</summary>
    public bool? Legend { get; init; }
}
