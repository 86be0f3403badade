using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training;

/// <summary>
/// The training loop, one linear story (after nanoGPT's train.py): resume if asked; then for each
/// step, inside a dispose scope: reseed, take a batch, set the learning rate, forward (in the
/// precision policy's region), cross-entropy on the answer tokens, backward, unscale, clip, step,
/// zero the gradients; log, evaluate and checkpoint on their cadences. A NaN/Inf loss or gradient
/// stops the run without checkpointing it; a cancellation (Ctrl-C) checkpoints the finished step
/// and stops.
/// </summary>
public sealed class Trainer
{
    private readonly Experiment _x;
    private readonly RunDirectory _run;
    private readonly TrainerOptions _options;
    private readonly ProgressLine _progress;

    public Trainer(Experiment experiment, RunDirectory run, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(run);
        _x = experiment;
        _run = run;
        _options = options ?? new TrainerOptions();
        _progress = _options.Progress ?? ProgressLine.ForConsole(experiment.Config.Runtime.Progress);
    }

    public TrainingOutcome Run(CancellationToken cancellation = default)
    {
        var config = _x.Config;
        var (train, runtime) = (config.Train, config.Runtime);
        var model = _x.Model;
        var optimizer = _x.Optimizer;
        // Frozen parameters (FIRE's initial threshold) take no gradient; asking autograd for one is an error.
        var parameters = optimizer.Parameters.Where(p => p.RequiresGrad).ToList();
        var store = _run.Checkpoints;

        // Where to start: step 0, or the state of the latest checkpoint.
        long start = 0;
        double elapsedBefore = 0;
        CheckpointInfo? lastCheckpoint = null;
        if (_options.Resume)
        {
            lastCheckpoint = store.Latest() ?? throw new ResumeRefusedException($"nothing to resume: {store.Path} has no checkpoint");
            TrainerState state;
            (lastCheckpoint, state) = RestoreIntact(store, lastCheckpoint);
            (start, elapsedBefore) = (state.Step, state.ElapsedSeconds);
            _progress.Message($"resuming {_run.Path} at step {start}");
        }
        else
        {
            var shards = _x.Shards > 1 ? $" in {_x.Shards} batch shards, one thread each" : "";
            _progress.Message($"training {config.Name} ({model.ParameterCount():N0} parameters, {_x.Precision.Description}) on {_x.Device}{shards} into {_run.Path}");
        }
        if (_x.ShardNote is { } note)
        {
            _progress.Message($"note: {note}");
        }
        using var metrics = MetricsLog.Open(_run.MetricsPath(runtime.LogFormat), runtime.LogFormat, keepThroughStep: start);
        if (metrics.DroppedPartialLine is { } partial)
        {
            _progress.Message($"warning: dropped the cut-off last line of {metrics.Path} (a write interrupted by a crash or a full disk): '{Shorten(partial)}'");
        }
        var heldOut = new HeldOutEvaluator(_x.Data, _options.HeldOutProblems, config.Eval.BatchSize);
        var pass = new ShardedPass(_x.Shards, parameters);
        model.Train();

        var clip = train.GradClip > 0 ? train.GradClip : double.MaxValue; // an unreachable bound still reports the norm
        var clock = Stopwatch.StartNew();
        var window = new Window(clock.Elapsed.TotalSeconds);
        double? lastHeldOut = null;
        long step = start;
        while (step < train.Steps)
        {
            var last = (Loss: 0.0, GradNorm: 0.0, Accuracy: double.NaN, Finite: true, Rows: 0);
            using (DisposeScope.Begin())
            {
                // Everything random in this step follows from (seed, step): a resumed run draws the same.
                LibTorch.ManualSeed(Seeds.Step(config.Seed, step));
                var batch = BatchTensors.From(_x.TrainStream.Next(), _x.Device);
                var lr = _x.Schedule.LearningRate(step);
                optimizer.SetLearningRate(lr);

                var logged = (step + 1) % runtime.LogEvery == 0 || step + 1 == train.Steps;
                var (lossValue, correctRows) = pass.Run(batch.Rows, (first, rows) =>
                    ForwardShard(rows == batch.Rows ? batch : batch.Slice(first, rows), step, logged));
                if (!double.IsFinite(lossValue))
                {
                    optimizer.ZeroGrad();
                    return Diverged(step, $"the loss is {Describe(lossValue)} at step {step + 1}", lastCheckpoint, lastHeldOut);
                }
                var finite = _x.Precision.UnscaleGradients(parameters);
                var gradNorm = double.NaN;
                if (finite)
                {
                    gradNorm = GradClip.ClipGradNorm(parameters, clip);
                    if (!double.IsFinite(gradNorm))
                    {
                        return Diverged(step, $"the gradient norm is {Describe(gradNorm)} at step {step + 1}", lastCheckpoint, lastHeldOut);
                    }
                    optimizer.Step();
                }
                _x.Precision.EndStep(finite);
                optimizer.ZeroGrad();

                step++;
                // Exact match on this batch from the logits already computed (no extra forward).
                var accuracy = logged ? (double)correctRows / batch.Rows : double.NaN;
                last = (lossValue, gradNorm, accuracy, finite, batch.Rows);
                window.Add(lossValue, batch.Tokens, finite);
            }

            var now = clock.Elapsed.TotalSeconds;
            var isLog = step % runtime.LogEvery == 0 || step == train.Steps;
            var isEval = step % train.EvalEvery == 0 || step == train.Steps;
            double? heldOutAccuracy = null, heldOutLoss = null;
            if (isEval)
            {
                (var em, var l) = heldOut.Evaluate(_x.Adapter, _x.Device, _x.Precision);
                (heldOutAccuracy, heldOutLoss, lastHeldOut) = (em, l, em);
            }
            var rate = window.Rates(now);
            if (isLog || isEval)
            {
                metrics.Write(new StepMetrics
                {
                    Step = step,
                    Loss = last.Loss,
                    LossAverage = window.MeanLoss,
                    TrainExactMatch = isLog ? last.Accuracy : double.NaN,
                    LearningRate = _x.Schedule.LearningRate(step - 1),
                    GradNorm = last.GradNorm,
                    TokensPerSecond = rate.Tokens,
                    StepsPerSecond = rate.Steps,
                    LossScale = _x.Precision.LossScale,
                    SkippedSteps = window.Skipped,
                    ElapsedSeconds = elapsedBefore + now,
                    HeldOutExactMatch = heldOutAccuracy,
                    HeldOutLoss = heldOutLoss,
                });
                window.Reset(now);
            }
            var eta = TimeSpan.FromSeconds(rate.Steps > 0 ? (train.Steps - step) / rate.Steps : 0);
            _progress.Update(step, train.Steps, last.Loss, isLog ? last.Accuracy : double.NaN, rate.Tokens, eta, isLog);
            if (heldOutAccuracy is { } h)
            {
                _progress.Message(string.Create(CultureInfo.InvariantCulture, $"step {step}: held-out exact match {h:0.0000} on {heldOut.Count} problems, loss {heldOutLoss:0.0000}"));
            }
            _options.AfterStep?.Invoke(step, last.Loss);

            var periodic = runtime.CheckpointEvery > 0 && step % runtime.CheckpointEvery == 0;
            var wantCheckpoint = periodic || step == train.Steps || cancellation.IsCancellationRequested;
            if (wantCheckpoint && !WeightsFinite())
            {
                // Never checkpoint a broken model: the previous checkpoint stays the latest.
                return Diverged(step, $"the weights hold NaN or Inf after step {step}", lastCheckpoint, lastHeldOut);
            }
            if (periodic || step == train.Steps)
            {
                lastCheckpoint = Save(step, elapsedBefore + now, last.Loss);
            }
            if (cancellation.IsCancellationRequested && step < train.Steps)
            {
                if (lastCheckpoint?.Step != step)
                {
                    lastCheckpoint = Save(step, elapsedBefore + now, last.Loss);
                }
                _progress.Finish();
                var message = $"interrupted after step {step}; checkpoint {lastCheckpoint.Path}. Continue with: arithlab train --resume {_run.Path}";
                _progress.Message(message);
                return new TrainingOutcome(TrainingStatus.Interrupted, step, lastCheckpoint, lastHeldOut, message);
            }
        }

        _progress.Finish();
        if (lastHeldOut is { } final)
        {
            WriteHeldOut(step, final, heldOut.Count);
        }
        var done = $"done: {step} steps; held-out exact match {lastHeldOut?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a"}; run {_run.Path}";
        _progress.Message(done);
        return new TrainingOutcome(TrainingStatus.Completed, step, lastCheckpoint ?? store.Latest(), lastHeldOut, done);
    }

    /// <summary>
    /// One shard's forward pass (in the precision policy's region) and loss, scored for exact match when
    /// the step is logged (by the model family: under FoNE a row is right when every digit of its answer number is).
    /// </summary>
    private ShardResult ForwardShard(BatchTensors shard, long step, bool score)
    {
        BatchLoss pass;
        using (_x.Precision.BeginForward())
        {
            pass = _x.Adapter.Loss(shard, LossContext(shard, step));
        }
        var correct = score ? _x.Adapter.CorrectRows(shard, pass.Predictions) : 0;
        return new ShardResult(_x.Precision.ScaleLoss(pass.Loss), pass.Loss.Item(), correct);
    }

    /// <summary>
    /// What the family's loss needs: the cross-entropy over the batch's answer tokens (or whatever
    /// data.loss_on scores) at the scored positions, summed and divided by the whole batch's
    /// loss-token count (the mean, when the batch is not split into shards), and the step's seed.
    /// </summary>
    private LossContext LossContext(BatchTensors batch, long step)
    {
        var smoothing = _x.Config.Train.LabelSmoothing;
        Tensor LossOf(Tensor scored) => Functional.CrossEntropy(
            scored.To(ScalarType.Float32), batch.ScoredTargets,                              // (N, V), (N)
            ignoreIndex: BatchTensors.IgnoreIndex, labelSmoothing: smoothing, reduction: Reduction.Sum) / batch.LossTokens;
        return new LossContext(LossOf, (int)(Seeds.Step(_x.Config.Seed, step) & int.MaxValue), _options.FullLogits);
    }

    /// <summary>
    /// Restores the latest checkpoint or, when it is damaged (cut short, corrupted, NaN), the newest
    /// intact one before it, with a warning; the damaged one is overwritten when training passes its step again.
    /// </summary>
    private (CheckpointInfo, TrainerState) RestoreIntact(CheckpointStore store, CheckpointInfo latest)
    {
        var checkpoint = latest;
        while (true)
        {
            try
            {
                return (checkpoint, Restore(checkpoint));
            }
            catch (CheckpointDamagedException e)
            {
                var older = CheckpointCheck.NewestIntactBefore(store, checkpoint)
                    ?? throw new ResumeRefusedException($"{e.Message}; no older checkpoint of this run is intact, so there is nothing to resume from");
                _progress.Message($"warning: {e.Message}; resuming from the newest intact checkpoint, step {older.Step}");
                checkpoint = older;
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";

    private TrainerState Restore(CheckpointInfo checkpoint)
    {
        var state = CheckpointStore.ReadState(checkpoint);
        var hash = ConfigHash.Of(_x.Config);
        if (state.ScienceHash != hash || state.Seed != _x.Config.Seed)
        {
            throw new ResumeRefusedException(
                $"checkpoint {checkpoint.Path} was trained under science hash {state.ScienceHash[..Math.Min(12, state.ScienceHash.Length)]} seed {state.Seed}, " +
                $"but this config has {hash[..12]} seed {_x.Config.Seed}");
        }
        TrainedModel.LoadWeights(_x.Model, checkpoint);
        CheckpointCheck.Readable(checkpoint, checkpoint.OptimizerPath, content => _x.Optimizer.LoadStateDict(content.Tensors));
        _x.Precision.LoadState(state.Precision);
        _x.RewindStream(state.BatchesDrawn);
        return state;
    }

    private CheckpointInfo Save(long step, double elapsed, double loss)
    {
        using var scope = DisposeScope.Begin();
        var state = new TrainerState
        {
            Step = step,
            Seed = _x.Config.Seed,
            ScienceHash = ConfigHash.Of(_x.Config),
            BatchesDrawn = step,
            Precision = _x.Precision.State(),
            ElapsedSeconds = elapsed,
            LastLoss = loss,
            // Save is reached only after WeightsFinite() held (see the loop).
            WeightsFinite = true,
        };
        var weights = _x.Model.StateDict();
        var optimizer = _x.Optimizer.StateDict();
        return _run.Checkpoints.Save(state, weights, ModelMetadata.For(_x.Adapter, _x.Data, step), optimizer, _x.Config.Runtime.KeepCheckpoints);
    }

    private TrainingOutcome Diverged(long step, string what, CheckpointInfo? lastCheckpoint, double? heldOut)
    {
        _progress.Finish();
        var keep = lastCheckpoint is null
            ? "no checkpoint was written before it"
            : $"the last good checkpoint is step {lastCheckpoint.Step} ({lastCheckpoint.Path})";
        // Suggest float32 only to a run that is not already in it.
        var remedy = _x.Config.Precision.DType == DType.Float32 ? "a lower train.lr or a smaller train.grad_clip" : "a lower train.lr, a smaller train.grad_clip or precision.dtype float32";
        var message = $"training stopped: {what}; {keep}. Try {remedy}.";
        _progress.Message(message);
        return new TrainingOutcome(TrainingStatus.Diverged, step, lastCheckpoint, heldOut, message);
    }

    private void WriteHeldOut(long step, double exactMatch, int problems)
    {
        Directory.CreateDirectory(_run.EvalPath);
        var json = JsonSerializer.Serialize(new { step, exact_match = exactMatch, problems }, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllText(Path.Combine(_run.EvalPath, "held_out.json"), json + "\n");
    }

    private bool WeightsFinite()
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        return _x.Model.Parameters().All(p => p.IsFinite().All().Item() != 0);
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";

    /// <summary>Loss and throughput since the previous metrics line.</summary>
    private sealed class Window(double start)
    {
        private double _start = start;
        private double _lossSum;
        private long _tokens;
        private int _steps;

        public int Skipped { get; private set; }

        public double MeanLoss => _steps == 0 ? double.NaN : _lossSum / _steps;

        public void Add(double loss, long tokens, bool stepped)
        {
            _lossSum += loss;
            _tokens += tokens;
            _steps++;
            Skipped += stepped ? 0 : 1;
        }

        public (double Tokens, double Steps) Rates(double now)
        {
            var seconds = Math.Max(now - _start, 1e-9);
            return (_tokens / seconds, _steps / seconds);
        }

        public void Reset(double now)
        {
            (_start, _lossSum, _tokens, _steps, Skipped) = (now, 0, 0, 0, 0);
        }
    }
}
