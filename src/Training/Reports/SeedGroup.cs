using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Reports;

/// <summary>
/// Runs whose configs differ only by seed (and name, description and runtime keys), with their grids
/// averaged cell by cell: the mean and the spread (sample standard deviation over the seeds) of exact
/// match, over the cells every run evaluated.
/// </summary>
public sealed record SeedGroup(IReadOnlyList<ComparedRun> Runs, IReadOnlyList<SeedCell> Cells)
{
    /// <summary>Groups of two or more runs that differ only by seed, in the order their first run was given.</summary>
    public static IReadOnlyList<SeedGroup> Find(IReadOnlyList<ComparedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs
            .Where(r => r.Config is not null)
            .GroupBy(r => ScienceWithoutSeed(r.Config!))
            .Where(g => g.Count() >= 2)
            .Select(g => new SeedGroup(g.ToList(), Average(g.ToList())))
            .ToList();
    }

    /// <summary>The seeds of the group's runs, in order.</summary>
    public IReadOnlyList<long> Seeds => Runs.Select(r => (long)r.Config!.Seed).ToList();

    private static string ScienceWithoutSeed(ExperimentConfig config) =>
        string.Join('\n', ConfigKeys.All
            .Where(k => !k.IsShorthand && k.IsScience && k.Path is not ("name" or "description" or "seed"))
            .Select(k => $"{k.Path}={k.ValueText(config)}"));

    private static List<SeedCell> Average(IReadOnlyList<ComparedRun> runs)
    {
        var withGrid = runs.Where(r => r.Grid.Count > 0).ToList();
        if (withGrid.Count < 2)
        {
            return [];
        }
        var cells = withGrid[0].Grid.Select(c => (c.LengthA, c.LengthB))
            .Where(key => withGrid.All(r => r.Grid.Any(c => (c.LengthA, c.LengthB) == key && c.N > 0)));
        return cells.Select(key =>
        {
            var values = withGrid.Select(r => r.Grid.First(c => (c.LengthA, c.LengthB) == key).Accuracy).ToArray();
            var mean = values.Average();
            var spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            return new SeedCell(key.LengthA, key.LengthB, values.Length, mean, spread, values.Min(), values.Max());
        }).ToList();
    }
}

/// <summary>One (len a, len b) cell averaged over seeds: exact match as fractions.</summary>
public sealed record SeedCell(int LengthA, int LengthB, int Runs, double Mean, double Spread, double Min, double Max);
