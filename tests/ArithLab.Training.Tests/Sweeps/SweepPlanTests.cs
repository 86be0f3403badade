using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Models.Positional;
using ArithLab.Training.Config;
using ArithLab.Training.Sweeps;

namespace ArithLab.Training.Tests.Sweeps;

public sealed class SweepPlanTests : SweepFolder
{
    [Fact]
    public void Grid_is_crossed_with_zip_rows_and_seeds_in_plan_order()
    {
        var plan = SweepPlan.Load(WriteSweep("""
            name: cross
            base: base.yaml
            grid:
              train.lr: [1e-3, 3e-3]
            zip:
              model.positional: [[rope], [abacus], [coupled]]
              data.positions: [none, abacus, coupled]
            seeds: [0, 7]
            """));

        // 2 learning rates x 3 zip rows x 2 seeds, the seed varying fastest, then the zip row.
        Assert.Equal(12, plan.Runs.Count);
        Assert.Equal(Enumerable.Range(0, 12), plan.Runs.Select(r => r.Index));
        var expected = new List<(double Lr, PositionalScheme Scheme, PositionScheme Ids, int Seed)>();
        foreach (var lr in new[] { 1e-3, 3e-3 })
        {
            foreach (var (scheme, ids) in new[] { (PositionalScheme.Rope, PositionScheme.None), (PositionalScheme.Abacus, PositionScheme.Abacus), (PositionalScheme.Coupled, PositionScheme.Coupled) })
            {
                expected.Add((lr, scheme, ids, 0));
                expected.Add((lr, scheme, ids, 7));
            }
        }
        Assert.Equal(expected, plan.Runs.Select(r => (r.Config.Train.Lr, r.Config.Model.Positional.Single(), r.Config.Data.Positions, r.Seed)));
        // Everything else comes from the base; every run is named by the sweep.
        Assert.All(plan.Runs, r => Assert.Equal((32, "cross", 20), (r.Config.Model.DModel, r.Config.Name, r.Config.Train.Steps)));
        // The seeds of a setting share the science hash; settings do not.
        Assert.Equal(6, plan.Runs.Select(r => r.ConfigId).Distinct().Count());
        Assert.All(plan.Runs.Chunk(2), pair => Assert.Equal(pair[0].ConfigId, pair[1].ConfigId));
        Assert.Equal(12, plan.Runs.Select(r => r.Name).Distinct().Count());
        // The first zip key names a row (its values all differ); the second is left out of the label.
        Assert.Equal("3e-3 · abacus", plan.Runs[8].Label);
    }

    [Fact]
    public void Overrides_rebuild_each_run_from_the_base_as_train_will()
    {
        var plan = SweepPlan.Load(WriteSweep("""
            base: base.yaml
            grid:
              data.digits: [{min: 1, max: 2}, {min: 2, max: 5}]
              model.positional: [[rope], [alibi, fire]]
            seeds: [3]
            eval:
              per_cell: 9
              beyond: [6]
            """));

        Assert.Equal(4, plan.Runs.Count);
        foreach (var run in plan.Runs)
        {
            // `arithlab train base.yaml --set ...` must land in the same run folder the plan names.
            var rebuilt = ConfigLoader.Load(Path.Combine(Folder, "base.yaml"), run.Overrides);
            Assert.Equal(ConfigHash.Of(run.Config), ConfigHash.Of(rebuilt));
            Assert.Equal(run.Seed, rebuilt.Seed);
            Assert.Equal((9, 6), (rebuilt.Eval.PerCell, rebuilt.Eval.Beyond.Single()));
        }
        Assert.Equal((2, 5), (plan.Runs[3].Config.Data.DigitsA.Min, plan.Runs[3].Config.Data.DigitsB.Max));
        Assert.Equal([PositionalScheme.Alibi, PositionalScheme.Fire], plan.Runs[3].Config.Model.Positional);
        // Without run_dir the runs go under runs/sweeps/{name}; the name defaults to the file's.
        Assert.Equal(Path.Combine("runs", "sweeps", "sweep"), plan.File.RunDir);
        Assert.StartsWith("sweep-", plan.Runs[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_value_its_key_rejects_is_an_error_at_its_line()
    {
        var path = WriteSweep("""
            base: base.yaml
            grid:
              model.heads: [2,
                four]
              train.lr: [1e-3, -1]
            seeds: [0]
            """);

        var e = Assert.Throws<ConfigException>(() => SweepPlan.Load(path));

        // Each bad value once, although it spoils several runs, at the line it is written on.
        Assert.Equal(2, e.Errors.Count);
        Assert.Contains(e.Errors, x => x.KeyPath == "model.heads" && x.Source.File == path && x.Source.Line == 4);
        Assert.Contains(e.Errors, x => x.KeyPath == "train.lr" && x.Source.Line == 5);
        Assert.Contains($"'model.heads' at {path}:4:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_errors_naming_line_and_the_closest_key()
    {
        var path = WriteSweep("""
            base: base.yaml
            grid:
              model.d_modle: [16, 32]
            seed: [0]
            slurm:
              partiton: gpu
            """);

        var e = Assert.Throws<ConfigException>(() => SweepPlan.Load(path));

        Assert.Contains(e.Errors, x => x.KeyPath == "grid.model.d_modle" && x.Source.Line == 3 && x.Suggestion == "model.d_model");
        Assert.Contains(e.Errors, x => x.KeyPath == "seed" && x.Source.Line == 4 && x.Suggestion == "seeds");
        Assert.Contains(e.Errors, x => x.KeyPath == "slurm.partiton" && x.Source.Line == 6 && x.Suggestion == "partition");
        Assert.Contains(e.Errors, x => x.KeyPath == "seeds" && x.Problem.StartsWith("missing required key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grid: {runtime.threads: [1, 2]}\nseeds: [0]", "grid.runtime.threads", 3, "runtime keys never change results")]
    [InlineData("grid: {seed: [1, 2]}\nseeds: [0]", "grid.seed", 3, "set by the sweep's own 'seeds:'")]
    [InlineData("zip: {train.lr: [1e-3, 2e-3], train.steps: [10]}\nseeds: [0]", "zip.train.steps", 3, "as many values as the first")]
    [InlineData("grid: {train.lr: []}\nseeds: [0]", "grid.train.lr", 3, "non-empty list")]
    [InlineData("grid: {train.lr: [1e-3, 0.001]}\nseeds: [0]", "train.lr", 1, "are the same experiment")]
    [InlineData("seeds: [0, -1]", "seed", 3, "must be at least 0")]
    public void Sweep_level_mistakes_are_caught_before_anything_runs(string rest, string key, int line, string problem)
    {
        var path = WriteSweep("base: base.yaml\n\n" + rest + "\n");

        var e = Assert.Throws<ConfigException>(() => SweepPlan.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((key, line), (error.KeyPath, error.Source.Line));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_of_the_base_experiment_name_the_base_file()
    {
        File.WriteAllText(Path.Combine(Folder, "base.yaml"), "name: base\nmodel:\n  heads: 0\n");
        var e = Assert.Throws<ConfigException>(() => SweepPlan.Load(WriteSweep("base: base.yaml\nseeds: [0, 1]\n")));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("model.heads", Path.Combine(Folder, "base.yaml"), 3), (error.KeyPath, error.Source.File, error.Source.Line));
    }

    [Theory]
    [InlineData("positions.yaml", 8)]
    [InlineData("positions-paper.yaml", 8)]
    public void The_positional_scheme_sweeps_plan_nine_schemes_with_three_seeds(string file, int trainedUpTo)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(folder.FullName, "experiments", "sweeps")))
        {
            folder = folder.Parent ?? throw new DirectoryNotFoundException("experiments/sweeps not found");
        }

        var plan = SweepPlan.Load(Path.Combine(folder.FullName, "experiments", "sweeps", file));

        // One-value grid keys (the paper-sized model) are fixed overrides, not part of a run's label.
        Assert.Equal(["none", "learned", "sinusoidal", "rope", "alibi", "hard-alibi", "fire", "abacus", "coupled"], plan.Runs.Select(r => r.Label).Distinct());
        Assert.Equal(27, plan.Runs.Count);
        // Evaluated to three times the training length.
        Assert.All(plan.Runs, r => Assert.Equal((trainedUpTo, 3 * trainedUpTo), (r.Config.Data.DigitsA.Max, r.Config.Eval.GridA.Max)));
        // Abacus ids count each number's digits from the left, so they align equal significance only
        // with the operands reversed as well (McLeish et al.'s format); coupling pads the operands to
        // one length as Cho et al.'s reference does; the other schemes keep `reversed`.
        Assert.All(plan.Runs, r => Assert.Equal(
            r.Label switch
            {
                "abacus" => (PositionScheme.Abacus, DataFormat.ReversedAll),
                "coupled" => (PositionScheme.Coupled, DataFormat.ReversedPadded),
                _ => (r.Config.Data.Positions, DataFormat.Reversed),
            },
            (r.Config.Data.Positions, r.Config.Data.Format)));
    }
}
