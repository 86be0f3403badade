using System.Globalization;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Reports;

/// <summary>
/// What a comparison reads from one run directory: its name, its resolved config (null when it no
/// longer loads), its metrics log and its length grid (eval/grid.csv; empty before `arithlab eval`).
/// </summary>
public sealed record ComparedRun(string Label, string Path, ExperimentConfig? Config, IReadOnlyList<MetricSeries> Metrics, IReadOnlyList<CellResult> Grid)
{
    /// <summary>Reads a run directory; throws <see cref="RunDirectoryException"/> when it is not one.</summary>
    public static ComparedRun Load(string path)
    {
        var target = RunTarget.Resolve(path, needCheckpoint: false);
        var run = target.Run;
        ExperimentConfig? config = null;
        try
        {
            config = run.LoadConfig();
        }
        catch (Exception e) when (e is ConfigException or IOException)
        {
            // A run whose config no longer loads still has curves and a grid worth comparing.
        }
        var metrics = target.MetricsPath is { } m ? MetricsReader.Read(m) : [];
        var grid = System.IO.Path.Combine(run.EvalPath, EvalFiles.GridCsv);
        return new ComparedRun(System.IO.Path.GetFileName(run.Path), run.Path, config, metrics, File.Exists(grid) ? ReadGrid(grid) : []);
    }

    /// <summary>The last value of a logged series (e.g. held_out_exact_match), or null.</summary>
    public double? Last(string metric) => Metrics.FirstOrDefault(s => s.Name == metric)?.Values is { Count: > 0 } v ? v[^1] : null;

    /// <summary>Mean exact match over the grid's cells, or null before evaluation.</summary>
    public double? GridMean => Grid.Count == 0 ? null : Grid.Where(c => c.N > 0).Average(c => c.Accuracy);

    /// <summary>The cells of an <c>eval/grid.csv</c> (a_len,b_len,n,correct,accuracy).</summary>
    public static IReadOnlyList<CellResult> ReadGrid(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != EvalFiles.CellHeader)
        {
            throw new InvalidDataException($"{path}: expected the header '{EvalFiles.CellHeader}'");
        }
        return lines.Skip(1).Where(l => l.Trim().Length > 0).Select((line, i) =>
        {
            var f = line.Split(',');
            try
            {
                return new CellResult(Int(f[0]), Int(f[1]), Int(f[2]), Int(f[3]));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"{path}, line {i + 2}: '{line}' is not a_len,b_len,n,correct,accuracy", e);
            }
        }).ToList();
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
