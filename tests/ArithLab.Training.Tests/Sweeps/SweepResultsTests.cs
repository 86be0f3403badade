using ArithLab.Training.Sweeps;

namespace ArithLab.Training.Tests.Sweeps;

/// <summary>
/// Collecting against hand-counted evals: runs whose grid.csv holds chosen tallies, and the
/// summaries worked out by hand from them (trained on 1-3 digits, grid 1-4 x 1-4, 5 per cell).
/// </summary>
public sealed class SweepResultsTests : SweepFolder
{
    [Fact]
    public void Summaries_pool_cells_per_seed_then_average_over_seeds()
    {
        var plan = SweepPlan.Load(WriteSweep($"base: base.yaml\nrun_dir: {Folder}/runs\ngrid: {{train.lr: [1e-3, 2e-3]}}\nseeds: [0, 1]\n"));
        // lr 1e-3, seed 0: every trained cell right, one of five right in each of the 7 cells beyond.
        Finish(plan.Runs[0], (a, b) => a <= 3 && b <= 3 ? 5 : 1);
        // seed 1: four of five on trained cells, none beyond.
        Finish(plan.Runs[1], (a, b) => a <= 3 && b <= 3 ? 4 : 0);
        // lr 2e-3: everything right, both seeds.
        Finish(plan.Runs[2], (_, _) => 5);
        Finish(plan.Runs[3], (_, _) => 5);

        var results = SweepResults.Read(plan);
        var summaries = results.Summaries();

        Assert.Equal(4 * 16, results.Cells.Count);
        var low = summaries[0];
        Assert.Equal("1e-3", low.Label);
        Assert.Equal([1.0, 0.8], low.InDistribution);        // 45/45 and 36/45
        Assert.Equal([0.2, 0.0], low.OutOfDistribution);      // 7/35 and 0/35
        Assert.Equal(0.9, low.InDistributionMean, 12);
        Assert.Equal(0.1, low.OutOfDistributionMean, 12);
        Assert.Equal(Math.Sqrt(0.02), low.OutOfDistributionSpread, 12);
        // Lengths 1-3 are all trained cells (0.9 mean); at 4 the seven cells give 0.2 and 0.
        Assert.Equal([1, 2, 3, 4], low.ByLength.Select(b => b.Length));
        Assert.All(low.ByLength.Take(3), b => Assert.Equal((0.9, 0.8, 1.0), (Math.Round(b.Mean, 12), b.Min, b.Max)));
        Assert.Equal((0.1, 0.0, 0.2), (Math.Round(low.ByLength[3].Mean, 12), low.ByLength[3].Min, low.ByLength[3].Max));
        Assert.Equal((3, 3, 0), (low.LongestAbove(0.9), low.LongestAbove(0.5), low.LongestAbove(0.95)));

        var ranked = SweepReport.Ranked(summaries);
        Assert.Equal(["2e-3", "1e-3"], ranked.Select(s => s.Label));

        // The heatmap's pooled cell (4, 4) sums both seeds: 1 + 0 right of 10.
        var pooled = results.PooledGrid(low).Cell(4, 4)!;
        Assert.Equal((10, 1), (pooled.N, pooled.Correct));
    }

    [Fact]
    public void Runs_not_done_are_left_out()
    {
        var plan = SweepPlan.Load(WriteSweep($"base: base.yaml\nrun_dir: {Folder}/runs\nseeds: [0, 1]\n"));
        Finish(plan.Runs[1], (_, _) => 2);
        // Run 0 has eval files but stopped before its last step.
        Finish(plan.Runs[0], (_, _) => 5, step: 10);

        var results = SweepResults.Read(plan);

        Assert.Equal([plan.Runs[1]], results.Runs);
        Assert.Equal(0.4, Assert.Single(results.Summaries()).InDistributionMean, 12);
    }

    [Fact]
    public void A_sweep_over_train_size_draws_in_distribution_exact_match_against_N_per_format()
    {
        var plan = SweepPlan.Load(WriteSweep(
            $"base: base.yaml\nrun_dir: {Folder}/runs\ngrid: {{data.format: [plain, reversed], data.train_size: [100, 1000]}}\nseeds: [0]\n"));
        // In-distribution cells (1-3 digits): plain 1/5 then 3/5; reversed 4/5 then 5/5.
        int[] right = [1, 3, 4, 5];
        for (var i = 0; i < 4; i++)
        {
            var k = right[i];
            Finish(plan.Runs[i], (a, b) => a <= 3 && b <= 3 ? k : 0);
        }
        var summaries = SweepResults.Read(plan).Summaries();

        var chart = SweepFigures.AccuracyByTrainSize(summaries, "by N")!;
        Assert.Equal(["plain (n=1)", "reversed (n=1)"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.Equal([100.0, 1000.0], s.X));
        Assert.Equal([0.2, 0.6], chart.Series[0].Y.Select(v => Math.Round(v, 12)));
        Assert.Equal([0.8, 1.0], chart.Series[1].Y.Select(v => Math.Round(v, 12)));
        SweepReport.Write(SweepResults.Read(plan));
        Assert.True(File.Exists(Path.Combine(plan.File.SweepFolder, "accuracy-by-train-size.png")));

        // A sweep that does not vary data.train_size has no such figure.
        Assert.Null(SweepFigures.AccuracyByTrainSize([summaries[0], summaries[2]], "one N"));
    }

    /// <summary>Makes a run look trained to <paramref name="step"/> and evaluated with the given correct count per cell (of 5).</summary>
    private static void Finish(SweepRun run, Func<int, int, int> correct, int? step = null)
    {
        var name = $"step-{step ?? run.Config.Train.Steps:D6}";
        var checkpoint = Path.Combine(run.Path, "checkpoints", name);
        Directory.CreateDirectory(checkpoint);
        foreach (var file in new[] { "model.safetensors", "optimizer.safetensors", "state.json" })
        {
            File.WriteAllText(Path.Combine(checkpoint, file), "");
        }
        File.WriteAllText(Path.Combine(run.Path, "checkpoints", "latest"), name + "\n");
        Directory.CreateDirectory(Path.Combine(run.Path, "eval"));
        var lines = new List<string> { "a_len,b_len,n,correct,accuracy" };
        for (var a = 1; a <= 4; a++)
        {
            for (var b = 1; b <= 4; b++)
            {
                lines.Add($"{a},{b},5,{correct(a, b)},{correct(a, b) / 5.0}");
            }
        }
        File.WriteAllLines(Path.Combine(run.Path, "eval", "grid.csv"), lines);
        File.WriteAllText(Path.Combine(run.Path, "eval", "summary.json"), "{}");
    }
}
