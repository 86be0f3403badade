using ArithLab.Plots;
using ArithLab.Training.Config;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// An evaluation's length grid as the <see cref="LengthHeatmap"/> figure (McLeish et al. 2024, Fig. 1, 4).
/// Cells not evaluated (e.g. a &lt; b for non-negative subtraction) stay NaN and are drawn grey.
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
            values[cell.LengthA - s.GridA.Min, cell.LengthB - s.GridB.Min] = cell.Accuracy;
        }
        return LengthHeatmap.Create(result.Task, result.Format, Span(s.GridA), Span(s.GridB), values, Span(s.TrainA), Span(s.TrainB), title);
    }

    /// <summary>The cells whose lengths were both trained on, by matrix index; null when the grid holds none.</summary>
    public static CellRegion? TrainingRegion(EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LengthHeatmap.TrainingRegion(Span(settings.GridA), Span(settings.GridB), Span(settings.TrainA), Span(settings.TrainB));
    }

    private static LengthSpan Span(DigitRange range) => new(range.Min, range.Max);
}
