namespace ArithLab.Training.Reports;

/// <summary>The operand lengths of every grid compared (rows: a, columns: b), so that all heatmaps share one layout.</summary>
public sealed record GridFrame(IReadOnlyList<int> A, IReadOnlyList<int> B)
{
    public static GridFrame? Of(IEnumerable<ComparedRun> runs)
    {
        var cells = runs.SelectMany(r => r.Grid).ToList();
        if (cells.Count == 0)
        {
            return null;
        }
        return new GridFrame(Span(cells.Select(c => c.LengthA)), Span(cells.Select(c => c.LengthB)));
    }

    private static int[] Span(IEnumerable<int> lengths)
    {
        var all = lengths.ToList();
        return Enumerable.Range(all.Min(), all.Max() - all.Min() + 1).ToArray();
    }
}
