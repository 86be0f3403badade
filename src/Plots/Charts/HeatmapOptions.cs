namespace ArithLab.Plots;

/// <summary>Options of a <see cref="Heatmap"/>.</summary>
public sealed record HeatmapOptions
{
    public string? Title { get; init; }

    public double Width { get; init; } = 720;

    public double Height { get; init; } = 600;

    /// <summary>One label per row (e.g. operand-a lengths). Null labels rows 0, 1, ….</summary>
    public IReadOnlyList<string>? RowLabels { get; init; }

    /// <summary>One label per column (e.g. operand-b lengths). Null labels columns 0, 1, ….</summary>
    public IReadOnlyList<string>? ColumnLabels { get; init; }

    /// <summary>Title of the column axis (below the grid).</summary>
    public string? XLabel { get; init; }

    /// <summary>Title of the row axis (left of the grid).</summary>
    public string? YLabel { get; init; }

    public ColorMap ColorMap { get; init; } = ColorMap.Viridis;

    /// <summary>Value drawn in the map's first colour; null takes the smallest finite value.</summary>
    public double? Min { get; init; }

    /// <summary>Value drawn in the map's last colour; null takes the largest finite value.</summary>
    public double? Max { get; init; }

    public string? ColorBarLabel { get; init; }

    public bool ColorBar { get; init; } = true;

    /// <summary>Text written in each finite cell, e.g. <see cref="CellText.Percent"/>; null writes none.</summary>
    public Func<double, string>? CellText { get; init; }

    /// <summary>Cells outlined with a thick border, e.g. the lengths seen in training.</summary>
    public CellRegion? Region { get; init; }

    /// <summary>Row 0 at the bottom (like a plot's y axis) instead of at the top (like a matrix).</summary>
    public bool RowsBottomUp { get; init; }

    /// <summary>Keep cells square, leaving the grid narrower or shorter than the space.</summary>
    public bool SquareCells { get; init; } = true;
}
