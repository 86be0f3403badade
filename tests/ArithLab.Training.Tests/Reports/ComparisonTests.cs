using ArithLab.Training.Evaluation;
using ArithLab.Training.Reports;

namespace ArithLab.Training.Tests.Reports;

/// <summary>`arithlab compare`'s arithmetic: grouping by seed, mean and spread, differences, and the files it writes.</summary>
public sealed class ComparisonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arithlab-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Runs_that_differ_only_by_seed_are_averaged_cell_by_cell()
    {
        // 1+1 is right 50 and 100 of 100 times over the seeds; 2+2 30 and 10 times.
        var s0 = Run("s0", seed: 0, lr: "1e-3", "1,1,100,50", "2,2,100,30");
        var s1 = Run("s1", seed: 1, lr: "1e-3", "1,1,100,100", "2,2,100,10");
        var other = Run("lr", seed: 0, lr: "3e-3", "1,1,100,0", "2,2,100,0");

        var group = Assert.Single(SeedGroup.Find([s0, other, s1]));

        Assert.Equal(["s0", "s1"], group.Runs.Select(r => r.Label));
        var unit = group.Cells.Single(c => c.LengthA == 1);
        Assert.Equal(0.75, unit.Mean, 12);
        // Sample standard deviation of {0.5, 1.0}: |0.5 − 1.0| / √2.
        Assert.Equal(0.5 / Math.Sqrt(2), unit.Spread, 12);
        Assert.Equal(0.2, group.Cells.Single(c => c.LengthA == 2).Mean, 12);
    }

    [Fact]
    public void The_difference_is_second_minus_first_in_points_on_cells_both_evaluated()
    {
        var first = Run("a", seed: 0, lr: "1e-3", "1,1,100,50", "1,2,100,40");
        var second = Run("b", seed: 0, lr: "3e-3", "1,1,100,75", "2,2,100,10");

        Assert.Equal(25, ComparisonFigures.Points(first, second, 1, 1)!.Value, 9);
        Assert.Null(ComparisonFigures.Points(first, second, 1, 2));
        Assert.Null(ComparisonFigures.Points(first, second, 2, 2));
    }

    [Fact]
    public void The_report_writes_every_figure_and_a_page_holding_them()
    {
        var s0 = Run("s0", seed: 0, lr: "1e-3", "1,1,100,50", "2,2,100,30");
        var s1 = Run("s1", seed: 1, lr: "1e-3", "1,1,100,100", "2,2,100,10");
        var output = Path.Combine(_folder, "out");

        var written = ComparisonReport.Write([s0, s1], output);

        string[] expected = ["loss.svg", "accuracy.svg", "length.svg", "length.png", "grid-1-s0.svg", "grid-2-s1.svg", "difference.svg", "seeds-1-mean.svg", "seeds-1-spread.svg", "seeds-1.csv", "compare.html"];
        Assert.Equal(expected.Select(f => Path.Combine(output, f)).Order(), written.Files.Order());
        Assert.All(written.Files, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.Equal("a_len,b_len,runs,mean,std,min,max", File.ReadLines(Path.Combine(output, "seeds-1.csv")).First());
        var html = File.ReadAllText(Path.Combine(output, "compare.html"));
        Assert.Equal(8, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Contains("seed: 0 → 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_figure_plots_each_runs_equal_length_cells_from_the_grid_and_beyond_it()
    {
        // Grid cells 1+1 (50 of 100) and 1+2 (not equal: left out); beyond.csv 4+4 (25 of 100).
        var run = Run("s0", seed: 0, lr: "1e-3", "1,1,100,50", "1,2,100,40");
        File.WriteAllLines(Path.Combine(run.Path, "eval", EvalFiles.BeyondCsv), [EvalFiles.CellHeader, "4,4,100,25,0.25"]);
        var reloaded = ComparedRun.Load(run.Path);

        var chart = ComparisonFigures.Length([reloaded])!;

        var curve = chart.Series.First(s => s.Name == "s0");
        Assert.Equal([1.0, 4.0], curve.X);
        Assert.Equal([50.0, 25.0], curve.Y);
        Assert.Equal((0.0, 100.0), (chart.Options.Y.Min, chart.Options.Y.Max));
        Assert.Null(ComparisonFigures.Length([Run("none", seed: 0, lr: "1e-3")]));
    }

    [Fact]
    public void Runs_without_grids_still_get_curves_and_a_note()
    {
        var a = Run("a", seed: 0, lr: "1e-3");
        var b = Run("b", seed: 1, lr: "1e-3");

        var written = ComparisonReport.Write([a, b], Path.Combine(_folder, "out"));

        Assert.Equal(2, written.Notes.Count);
        Assert.Contains(written.Files, f => f.EndsWith("loss.svg", StringComparison.Ordinal));
        Assert.DoesNotContain(written.Files, f => f.EndsWith("difference.svg", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_grid_names_the_file_and_line()
    {
        var run = Run("bad", seed: 0, lr: "1e-3", "1,1,100,50", "2,x,100,1");

        var e = Assert.Throws<InvalidDataException>(() => ComparedRun.Load(run.Path));
        Assert.Contains("grid.csv, line 3", e.Message, StringComparison.Ordinal);
    }

    private static string WithAccuracy(string cell)
    {
        var f = cell.Split(',');
        return double.TryParse(f[3], out var correct) ? $"{cell},{correct / double.Parse(f[2])}" : cell + ",0";
    }

    // A run directory as the trainer and `arithlab eval` leave it: config, metrics log, eval/grid.csv.
    private ComparedRun Run(string name, int seed, string lr, params string[] cells)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(path, "eval"));
        File.WriteAllText(Path.Combine(path, "config.resolved.yaml"), $"name: {name}\nseed: {seed}\ntrain:\n  lr: {lr}\n");
        File.WriteAllLines(Path.Combine(path, "metrics.jsonl"),
            [
                """{"step": 10, "loss": 2.0, "train_exact_match": 0.1}""",
                """{"step": 20, "loss": 1.0, "train_exact_match": 0.4, "held_out_exact_match": 0.3}""",
            ]);
        if (cells.Length > 0)
        {
            File.WriteAllLines(Path.Combine(path, "eval", EvalFiles.GridCsv), [EvalFiles.CellHeader, .. cells.Select(WithAccuracy)]);
            if (cells.Any(c => c.Contains('x', StringComparison.Ordinal)))
            {
                return new ComparedRun(name, path, null, [], []);
            }
        }
        return ComparedRun.Load(path);
    }
}
