namespace ArithLab.Plots.Layout;

/// <summary>What a cartesian chart asks of its frame: size, texts, axes, data extents and room on the right.</summary>
internal sealed record FrameSpec
{
    public required double Width { get; init; }
    public required double Height { get; init; }
    public string? Title { get; init; }
    public required AxisOptions X { get; init; }
    public required AxisOptions Y { get; init; }
    public IReadOnlyList<double> XData { get; init; } = [];
    public IReadOnlyList<double> YData { get; init; } = [];

    /// <summary>Set for bar charts: the x axis is these categories instead of numbers.</summary>
    public IReadOnlyList<string>? XCategories { get; init; }

    /// <summary>Width kept free right of the plot for a legend and/or colour bar.</summary>
    public double RightPanelWidth { get; init; }

    /// <summary>One data unit spans the same pixels on both axes (circles stay circles).</summary>
    public bool EqualAspect { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Free axis ends sit this share of the data span beyond the data instead of on a nice tick.</summary>
    public double DataMargin { get; init; }
}
