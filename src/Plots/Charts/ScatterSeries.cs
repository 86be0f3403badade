namespace ArithLab.Plots;

/// <summary>
/// One group of points. Points of different series are told apart by colour and named in the legend;
/// give <see cref="Values"/> instead to colour each point by a number on the chart's colour map.
/// Points with a NaN coordinate (or ≤ 0 on a log axis) are skipped.
/// </summary>
public sealed record ScatterSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Null takes the next palette colour. Ignored for points coloured by <see cref="Values"/>.</summary>
    public Rgb? Color { get; init; }

    /// <summary>One number per point, coloured through <see cref="ScatterChartOptions.ColorMap"/>, with a colour bar.</summary>
    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>One text per point (null or empty entries draw none), e.g. the digit a probe point stands for.</summary>
    public IReadOnlyList<string?>? Labels { get; init; }

    public double MarkerRadius { get; init; } = 4;
}
