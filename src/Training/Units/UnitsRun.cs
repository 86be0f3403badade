using System.Diagnostics;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Units;

/// <summary>
/// `arithlab units train`: one seed in a run directory like every other run (resolved config, seed,
/// version, metrics.jsonl, checkpoints/ with the weights under the units' state-dict names and Adam's
/// moments), resumable from its latest checkpoint, stopping with a checkpoint when cancelled.
/// </summary>
public static class UnitsRun
{
    public static string DefaultPath(UnitsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(config.Runtime.RunDir, $"{config.Name}-{UnitsConfigLoader.ScienceHash(config)}-s{config.Seed}");
    }

    /// <summary>Trains (or, with <paramref name="resume"/>, continues) the run; returns the outcome, or null when cancelled.</summary>
    public static SeedOutcome? Train(UnitsConfig config, string path, bool resume, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(progress);
        var run = resume ? RunDirectory.Open(path) : Create(path, config);
        var hash = UnitsConfigLoader.ScienceHash(config);
        var metricsPath = run.MetricsPath(LogFormat.Jsonl);
        var clock = Stopwatch.StartNew();
        double elapsedBefore = 0;
        var lastStep = 0L;
        MetricsLog? metrics = null;
        UnitsTrainer trainer = null!;
        void Save(long step) => SaveCheckpoint(run, trainer, step, hash, config, elapsedBefore + clock.Elapsed.TotalSeconds);
        trainer = new UnitsTrainer(config)
        {
            Checkpoint = Save,
            Evaluated = e =>
            {
                metrics!.WriteRecord(UnitsEvaluation.Columns, e.Values());
                var rate = (e.Step - lastStep) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                progress.WriteLine($"step {e.Step,9}/{config.Train.Iterations}  loss {e.TrainLoss:g4}  valid {e.ValidMse:g4}  test {e.TestMse:g4}  sparsity {e.SparsityError:g3}  λ {e.Lambda:g3}  {rate:F0} steps/s");
            },
        };
        long startStep = 0;
        if (resume && run.Checkpoints.Latest() is { } latest)
        {
            var state = CheckpointStore.ReadState(latest);
            if (state.ScienceHash != hash)
            {
                throw new ResumeRefusedException($"refusing to resume {run.Path}: it was trained with science hash {state.ScienceHash}, the config gives {hash}");
            }
            Load(trainer, latest);
            startStep = state.Step;
            elapsedBefore = state.ElapsedSeconds;
            var earlier = File.Exists(metricsPath) ? MetricsLog.Read(metricsPath).Select(UnitsEvaluation.FromRecord) : [];
            trainer.Restore(startStep, earlier, state.LastLoss ?? double.NaN);
            progress.WriteLine($"resuming {run.Path} at step {startStep}");
        }
        lastStep = startStep;
        metrics = MetricsLog.Open(metricsPath, LogFormat.Jsonl, keepThroughStep: startStep - 1);
        using (metrics)
        {
            progress.WriteLine($"{config.Name} seed {config.Seed}: subsets a {trainer.Task.A.Start}..{trainer.Task.A.End}, b {trainer.Task.B.Start}..{trainer.Task.B.End}; threshold {trainer.Threshold:g4}");
            if (trainer.LowPrecision is { } lowp)
            {
                progress.WriteLine($"low precision: {lowp.Recipe.Description.Replace("float32 master weights", $"{UnitsKeys.Find("precision.dtype")!.ValueText(config)} master weights", StringComparison.Ordinal)}");
            }
            var finished = trainer.Run(cancellation);
            Save(trainer.Step);
            if (!finished)
            {
                progress.WriteLine($"stopped at step {trainer.Step}; checkpoint written, continue with --resume");
                return null;
            }
        }
        var outcome = trainer.Outcome();
        if (trainer.RecipeTestMse() is { } recipeMse)
        {
            progress.WriteLine($"test MSE of the final weights under the recipe's forward (quantized inputs and weights): {recipeMse:g4}");
        }
        AtomicFile.WriteAllText(Path.Combine(run.EvalPath, "outcome.json"), System.Text.Json.JsonSerializer.Serialize(outcome, s_json));
        UnitsFigures.Curves([(config.Name, [(config.Seed, (IReadOnlyList<UnitsEvaluation>)trainer.Evaluations)], trainer.Threshold)], Path.Combine(run.PlotsPath, "extrapolation-mse.svg"));
        UnitsFigures.Weights(config.Name, [(config.Seed, trainer.Task, trainer.Network.First.EffectiveWeight().ToArray())], Path.Combine(run.PlotsPath, "weights.svg"));
        return outcome;
    }

    private static readonly System.Text.Json.JsonSerializerOptions s_json = new() { WriteIndented = true };

    private static void SaveCheckpoint(RunDirectory run, UnitsTrainer trainer, long step, string hash, UnitsConfig config, double elapsed)
    {
        var model = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var optimizer = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            var parameters = trainer.Network.Parameters;
            for (var k = 0; k < parameters.Count; k++)
            {
                var (name, values) = parameters[k];
                var shape = ShapeOf(trainer.Network, name);
                model[name] = Tensor.From(values, shape);
                optimizer["exp_avg." + name] = Tensor.From(trainer.Optimizer.ExpAvg[k], shape);
                optimizer["exp_avg_sq." + name] = Tensor.From(trainer.Optimizer.ExpAvgSq[k], shape);
            }
            foreach (var (name, history) in trainer.LowPrecision?.AmaxHistories() ?? new Dictionary<string, float[]>())
            {
                optimizer[name] = Tensor.From(history);
            }
            var metadata = new Dictionary<string, string>
            {
                ["units.first"] = config.Model.First.ToString(),
                ["units.second"] = config.Model.Second.ToString(),
                ["units.config"] = UnitsConfigLoader.Write(config),
            };
            var state = new TrainerState
            {
                Step = step, Seed = config.Seed, ScienceHash = hash, BatchesDrawn = step,
                ElapsedSeconds = elapsed, LastLoss = double.IsFinite(trainer.LastLoss) ? trainer.LastLoss : null,
            };
            run.Checkpoints.Save(state, model, metadata, optimizer, keep: 2);
        }
        finally
        {
            foreach (var t in model.Values.Concat(optimizer.Values))
            {
                t.Dispose();
            }
        }
    }

    private static void Load(UnitsTrainer trainer, CheckpointInfo checkpoint)
    {
        using var model = Torch.Safetensors.SafetensorsFile.Load(checkpoint.ModelPath);
        using var optimizer = Torch.Safetensors.SafetensorsFile.Load(checkpoint.OptimizerPath);
        var parameters = trainer.Network.Parameters;
        for (var k = 0; k < parameters.Count; k++)
        {
            var name = parameters[k].Name;
            Copy(model, name, parameters[k].Values);
            Copy(optimizer, "exp_avg." + name, trainer.Optimizer.ExpAvg[k]);
            Copy(optimizer, "exp_avg_sq." + name, trainer.Optimizer.ExpAvgSq[k]);
        }
        // Delayed scaling's amax histories, so the resumed run quantizes with the scales it had.
        trainer.LowPrecision?.LoadAmaxHistories(UnitLowPrecision.HistoryNames
            .Where(optimizer.Tensors.ContainsKey)
            .ToDictionary(n => n, n => optimizer.Tensors[n].ToArray<float>()));
    }

    private static void Copy(Torch.Safetensors.SafetensorsContent content, string name, double[] into)
    {
        if (!content.Tensors.TryGetValue(name, out var tensor))
        {
            throw new InvalidDataException($"checkpoint has no tensor '{name}'; it holds: {string.Join(", ", content.Tensors.Keys)}");
        }
        var values = tensor.ToArray<double>();
        if (values.Length != into.Length)
        {
            throw new InvalidDataException($"checkpoint tensor '{name}' has {values.Length} values, the network {into.Length}");
        }
        values.CopyTo(into, 0);
    }

    private static long[] ShapeOf(UnitNetwork network, string name)
    {
        var layer = name.StartsWith("layer1.", StringComparison.Ordinal) ? network.First : network.Second;
        // Every unit's parameters are (outputs, inputs) matrices, but a linear layer's bias is a vector of outputs.
        return name.EndsWith(".bias", StringComparison.Ordinal) ? [layer.Outputs] : [layer.Outputs, layer.Inputs];
    }

    /// <summary>A new run folder; one that already holds a run is the user's to resume or remove.</summary>
    private static RunDirectory Create(string path, UnitsConfig config)
    {
        try
        {
            return RunDirectory.Create(path, config.Seed, file => AtomicFile.WriteAllText(file, UnitsConfigLoader.Write(config)));
        }
        catch (InvalidOperationException e)
        {
            throw new InputRefusedException(e.Message, e);
        }
    }
}
