using System.Globalization;
using ArithLab.Plots;
using ArithLab.Training.Config;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// The length-generalization heatmap as McLeish et al. 2024 draw it (Fig. 1, 4): accuracy per
/// (len a, len b) in percent (cells, colour bar and title alike), rows labelled by a's length and
/// columns by b's, row 1 at the bottom,
/// the lengths seen in training outlined. Cells not evaluated (e.g. a &lt; b for non-negative
/// subtraction) are hatched.
/// </summary>
public static class GridHeatmap
{
    public static Heatmap Build(EvalResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var rows = s.GridA.Max - s.GridA.Min + 1;
        var columns = s.GridB.Max - s.GridB.Min + 1;
        var values = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = double.NaN;
            }
        }
        foreach (var cell in result.Grid.Where(c => s.GridA.Contains(c.LengthA) && s.GridB.Contains(c.LengthB)))
        {
            // Percent, like the title, the cell text and the colour bar.
            values[cell.LengthA - s.GridA.Min, cell.LengthB - s.GridB.Min] = cell.Accuracy * 100;
        }
        return new Heatmap(values, new HeatmapOptions
        {
            Title = title ?? $"{result.Task}, {result.Format}: exact match (%)",
            RowLabels = Labels(s.GridA),
            ColumnLabels = Labels(s.GridB),
            YLabel = "digits of a",
            XLabel = "digits of b",
            Min = 0,
            Max = 100,
            ColorBarLabel = "exact match (%)",
            CellText = v => v.ToString("0", CultureInfo.InvariantCulture),
            Region = TrainingRegion(s),
            RowsBottomUp = true,
        });
    }

    /// <summary>The cells whose lengths were both trained on, by matrix index; null when the grid holds none.</summary>
    public static CellRegion? TrainingRegion(EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (firstRow, rowCount) = Overlap(settings.GridA, settings.TrainA);
        var (firstColumn, columnCount) = Overlap(settings.GridB, settings.TrainB);
        return rowCount > 0 && columnCount > 0 ? new CellRegion(firstRow, firstColumn, rowCount, columnCount) : null;
    }

    private static (int First, int Count) Overlap(DigitRange grid, DigitRange train)
    {
        var lo = Math.Max(grid.Min, train.Min);
        var hi = Math.Min(grid.Max, train.Max);
        return (lo - grid.Min, Math.Max(0, hi - lo + 1));
    }

    private static string[] Labels(DigitRange range) =>
        Enumerable.Range(range.Min, range.Max - range.Min + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
