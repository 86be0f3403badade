namespace ArithLab.Plots;

/// <summary>
/// A rectangle of heatmap cells, by zero-based matrix indices: rows
/// [<paramref name="FirstRow"/>, FirstRow + RowCount), columns [<paramref name="FirstColumn"/>, FirstColumn + ColumnCount).
/// Used to outline the training region of a length-generalization grid (McLeish et al. 2024, Fig. 1).
/// </summary>
public sealed record CellRegion(int FirstRow, int FirstColumn, int RowCount, int ColumnCount)
{
    /// <summary>Outline colour; red by default, which stands out against viridis.</summary>
    public Rgb Color { get; init; } = new(0xe4, 0x1a, 0x1c);

    public double LineWidth { get; init; } = 3;
}
