using System.Diagnostics;
using System.Text.Json;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Units;

/// <summary>
/// `arithlab units bench`: every seed of one or more units configs, several seeds at once (one thread
/// each: a seed's step is too small to split), into <c>{runtime.run_dir}/units-bench-{names}/</c>: per-seed
/// metrics under <c>seeds/</c>, <c>outcomes.jsonl</c>, the table <c>table.md</c> and the figures under
/// <c>plots/</c>. A seed whose outcome is already there is not trained again, so an interrupted bench
/// picks up where it stopped; without <c>trainMissing</c> the table summarises the finished seeds alone.
/// </summary>
public static class UnitsBench
{
    public static IReadOnlyList<UnitsSummary> Run(IReadOnlyList<UnitsConfig> configs, IReadOnlyList<int> seeds, int jobs, string folder, TextWriter progress, CancellationToken cancellation, bool trainMissing = true)
    {
        ArgumentNullException.ThrowIfNull(configs);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(progress);
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        Directory.CreateDirectory(Path.Combine(folder, "plots"));
        var summaries = new List<UnitsSummary>();
        var curves = new List<(string, IReadOnlyList<(int, IReadOnlyList<UnitsEvaluation>)>, double)>();
        foreach (var config in configs)
        {
            var outcomes = new SeedOutcome?[seeds.Count];
            var evaluations = new IReadOnlyList<UnitsEvaluation>[seeds.Count];
            var weights = new (int, Data.Units.SubsetTask, double[])[seeds.Count];
            var done = 0;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, seeds.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation }, i =>
            {
                var seeded = config with { Seed = seeds[i] };
                var stem = Path.Combine(folder, "seeds", $"{config.Name}-s{seeds[i]}");
                if (File.Exists(stem + ".outcome.json") && File.Exists(stem + ".weights.json"))
                {
                    outcomes[i] = JsonSerializer.Deserialize<SeedOutcome>(File.ReadAllText(stem + ".outcome.json"));
                    evaluations[i] = MetricsLog.Read(stem + ".jsonl").Select(UnitsEvaluation.FromRecord).ToList();
                    weights[i] = (seeds[i], seeded.CreateTask(), JsonSerializer.Deserialize<double[]>(File.ReadAllText(stem + ".weights.json"))!);
                }
                else if (!trainMissing)
                {
                    return;
                }
                else
                {
                    var metrics = MetricsLog.Open(stem + ".jsonl", LogFormat.Jsonl, keepThroughStep: -1);
                    var trainer = new UnitsTrainer(seeded) { Evaluated = e => metrics.WriteRecord(UnitsEvaluation.Columns, e.Values()) };
                    using (metrics)
                    {
                        if (!trainer.Run(cancellation))
                        {
                            return;
                        }
                    }
                    outcomes[i] = trainer.Outcome();
                    evaluations[i] = trainer.Evaluations.ToList();
                    weights[i] = (seeds[i], trainer.Task, trainer.Network.First.EffectiveWeight().ToArray());
                    AtomicFile.WriteAllText(stem + ".weights.json", JsonSerializer.Serialize(weights[i].Item3));
                    AtomicFile.WriteAllText(stem + ".outcome.json", JsonSerializer.Serialize(outcomes[i]));
                }
                var o = outcomes[i]!;
                lock (progress)
                {
                    done++;
                    progress.WriteLine($"{config.Name} seed {seeds[i]}: {(o.Success ? "success" : "fail")}  test MSE at best {o.TestMseAtBest:g3} (threshold {o.Threshold:g3})  solved at {(o.SolvedAt is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")}  [{done}/{seeds.Count}, {clock.Elapsed.TotalMinutes:F1} min]");
                }
            });
            var finished = outcomes.OfType<SeedOutcome>().ToList();
            File.WriteAllLines(Path.Combine(folder, $"{config.Name}.outcomes.jsonl"), finished.Select(o => JsonSerializer.Serialize(o)));
            var summary = UnitsSummary.Of(config, finished);
            // Seeds read back may have been trained to another length than this config's (a table
            // gathered with --finished-only): the table reports the iterations they ran.
            var trained = evaluations.Where(e => e is { Count: > 0 }).Select(e => e[^1].Step).DefaultIfEmpty(summary.Iterations).Max();
            summary = summary with { Iterations = trained };
            summaries.Add(summary);
            curves.Add((config.Name, Enumerable.Range(0, seeds.Count).Where(i => evaluations[i] is not null).Take(20).Select(i => (seeds[i], evaluations[i])).ToList(), finished.Count > 0 ? finished[0].Threshold : double.NaN));
            UnitsFigures.Weights(config.Name, weights.Where(w => w.Item3 is not null).Take(4).ToList(), Path.Combine(folder, "plots", $"{config.Name}-weights.svg"));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "table.md"), UnitsSummary.MarkdownTable(summaries));
        UnitsFigures.Success(summaries, Path.Combine(folder, "plots", "success.svg"));
        foreach (var curve in curves)
        {
            UnitsFigures.Curves([curve], Path.Combine(folder, "plots", $"{curve.Item1}-extrapolation-mse.svg"));
        }
        return summaries;
    }
}
