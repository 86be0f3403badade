using System.Globalization;

namespace ArithLab.Plots;

/// <summary>
/// The length-generalization heatmap as McLeish et al. 2024 draw it (Fig. 1, 4): exact-match accuracy
/// per (digits of a, digits of b) in percent in the cells, on a fixed 0–100 colour bar and in the title alike, rows
/// labelled by a's length (1 at the bottom) and columns by b's, the lengths seen in training outlined,
/// the title naming task and format. Cells not evaluated (NaN) are grey.
/// </summary>
public static class LengthHeatmap
{
    /// <param name="accuracy">[a length − gridA.Min, b length − gridB.Min], fractions in [0, 1]; NaN where not evaluated.</param>
    public static Heatmap Create(string task, string format, LengthSpan gridA, LengthSpan gridB, double[,] accuracy,
        LengthSpan? trainA = null, LengthSpan? trainB = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        if (accuracy.GetLength(0) != gridA.Count || accuracy.GetLength(1) != gridB.Count)
        {
            throw new ArgumentException(
                $"accuracy is {accuracy.GetLength(0)} × {accuracy.GetLength(1)} but the grid is {gridA.Count} a lengths × {gridB.Count} b lengths");
        }
        // Percent everywhere a reader looks: cells, colour bar and title.
        var percent = new double[accuracy.GetLength(0), accuracy.GetLength(1)];
        for (var r = 0; r < percent.GetLength(0); r++)
        {
            for (var c = 0; c < percent.GetLength(1); c++)
            {
                percent[r, c] = accuracy[r, c] * 100;
            }
        }
        return new Heatmap(percent, new HeatmapOptions
        {
            Title = title ?? $"{task}, {format}: exact match (%)",
            RowLabels = Labels(gridA),
            ColumnLabels = Labels(gridB),
            YLabel = "digits of a",
            XLabel = "digits of b",
            Min = 0,
            Max = 100,
            ColorBarLabel = "exact match (%)",
            CellText = v => v.ToString("0", CultureInfo.InvariantCulture),
            Region = trainA is { } a && trainB is { } b ? TrainingRegion(gridA, gridB, a, b) : null,
            RowsBottomUp = true,
        });
    }

    /// <summary>The cells whose lengths were both trained on, by matrix index; null when the grid holds none.</summary>
    public static CellRegion? TrainingRegion(LengthSpan gridA, LengthSpan gridB, LengthSpan trainA, LengthSpan trainB)
    {
        var (firstRow, rowCount) = Overlap(gridA, trainA);
        var (firstColumn, columnCount) = Overlap(gridB, trainB);
        return rowCount > 0 && columnCount > 0 ? new CellRegion(firstRow, firstColumn, rowCount, columnCount) : null;
    }

    private static (int First, int Count) Overlap(LengthSpan grid, LengthSpan train)
    {
        var lo = Math.Max(grid.Min, train.Min);
        var hi = Math.Min(grid.Max, train.Max);
        return (lo - grid.Min, Math.Max(0, hi - lo + 1));
    }

    private static string[] Labels(LengthSpan span) =>
        Enumerable.Range(span.Min, span.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
