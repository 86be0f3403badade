using System.Globalization;
using System.Text;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// Every finished run's eval in one tidy table (a row per run × cell: the varied keys, seed,
/// lengths, exact match) and the summaries drawn from it: per setting, exact match over seeds in
/// and out of the training lengths and against the longer operand's length.
/// </summary>
public sealed class SweepResults
{
    public const string CsvFileName = "results.csv";

    private SweepResults(SweepPlan plan, IReadOnlyList<SweepCell> cells)
    {
        Plan = plan;
        Cells = cells;
    }

    public SweepPlan Plan { get; }

    public IReadOnlyList<SweepCell> Cells { get; }

    /// <summary>The runs whose eval is read (the done ones), in plan order.</summary>
    public IEnumerable<SweepRun> Runs => Cells.Select(c => c.Run).Distinct();

    /// <summary>Reads grid.csv and beyond.csv of every done run.</summary>
    public static SweepResults Read(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cells = new List<SweepCell>();
        foreach (var run in plan.Runs.Where(SweepState.IsDone))
        {
            var settings = EvalSettings.From(run.Config);
            foreach (var set in new[] { "grid", "beyond" })
            {
                var path = Path.Combine(run.Path, "eval", set == "grid" ? EvalFiles.GridCsv : EvalFiles.BeyondCsv);
                if (!File.Exists(path))
                {
                    continue;
                }
                foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
                {
                    var f = line.Split(',');
                    int Int(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
                    var (a, b) = (Int(0), Int(1));
                    cells.Add(new SweepCell(run, set, a, b, Int(2), Int(3), settings.IsInDistribution(a, b)));
                }
            }
        }
        return new SweepResults(plan, cells);
    }

    /// <summary>The tidy table: run, config (science hash), label, one column per varied key, seed, set, a_len, b_len, n, correct, exact_match, in_distribution.</summary>
    public string ToCsv()
    {
        var keys = Plan.VariedKeys.ToList();
        var sb = new StringBuilder("run,config,label,")
            .Append(string.Concat(keys.Select(k => Field(k) + ",")))
            .Append("seed,set,a_len,b_len,n,correct,exact_match,in_distribution\n");
        foreach (var c in Cells)
        {
            var settings = c.Run.Settings.ToDictionary(s => s.Key, s => s.Value);
            sb.Append(c.Run.Name).Append(',').Append(c.Run.ConfigId).Append(',').Append(Field(c.Run.Label)).Append(',')
              .Append(string.Concat(keys.Select(k => Field(settings[k]) + ",")))
              .Append(Inv(c.Run.Seed)).Append(',').Append(c.Set).Append(',').Append(Inv(c.LengthA)).Append(',').Append(Inv(c.LengthB)).Append(',')
              .Append(Inv(c.N)).Append(',').Append(Inv(c.Correct)).Append(',')
              .Append(double.IsFinite(c.ExactMatch) ? c.ExactMatch.ToString("R", CultureInfo.InvariantCulture) : "").Append(',')
              .Append(c.InDistribution ? "true" : "false").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One summary per setting, in plan order. Lengths pool the grid cells whose longer operand has that length, plus the sets beyond the grid.</summary>
    public IReadOnlyList<SweepConfigSummary> Summaries() =>
        Cells.GroupBy(c => c.Run.ConfigId).Select(config =>
        {
            var seeds = config.GroupBy(c => c.Run).ToList();
            var byLength = config.GroupBy(c => c.Length).OrderBy(g => g.Key).Select(g =>
            {
                var perSeed = g.GroupBy(c => c.Run).Select(Pooled).Where(double.IsFinite).ToList();
                return (g.Key, SweepConfigSummary.Mean(perSeed), perSeed.DefaultIfEmpty(double.NaN).Min(), perSeed.DefaultIfEmpty(double.NaN).Max());
            }).ToList();
            return new SweepConfigSummary
            {
                Label = seeds[0].Key.Label,
                Runs = seeds.Select(s => s.Key).ToList(),
                InDistribution = seeds.Select(s => Pooled(s.Where(c => c.Set == "grid" && c.InDistribution))).ToList(),
                OutOfDistribution = seeds.Select(s => Pooled(s.Where(c => c.Set == "grid" && !c.InDistribution))).ToList(),
                ByLength = byLength,
            };
        }).ToList();

    /// <summary>A setting's grid pooled over its seeds (cells summed), as one evaluation for the heatmap.</summary>
    public EvalResult PooledGrid(SweepConfigSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var first = summary.Runs[0];
        var grid = Cells.Where(c => c.Set == "grid" && c.Run.ConfigId == first.ConfigId)
            .GroupBy(c => (c.LengthA, c.LengthB))
            .Select(g => new CellResult(g.Key.LengthA, g.Key.LengthB, g.Sum(c => c.N), g.Sum(c => c.Correct)))
            .OrderBy(c => c.LengthA).ThenBy(c => c.LengthB)
            .ToList();
        return new EvalResult
        {
            Settings = EvalSettings.From(first.Config),
            Task = first.Config.Task.Name.ToString(),
            Format = first.Config.Data.Format.ToString(),
            Grid = grid,
            Beyond = [],
            Carries = [],
            Failures = [],
        };
    }

    private static double Pooled(IEnumerable<SweepCell> cells)
    {
        var (n, correct) = cells.Aggregate((N: 0, Correct: 0), (t, c) => (t.N + c.N, t.Correct + c.Correct));
        return n == 0 ? double.NaN : (double)correct / n;
    }

    // A CSV field: quoted when it holds a comma or a quote.
    private static string Field(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
}
