using ArithLab.Data.Batching;
using ArithLab.Models.Positional;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class TrainerTests
{
    [Fact]
    public void A_tiny_run_learns_reversed_addition()
    {
        using var tiny = new TinyRun(c => c with
        {
            Data = c.Data with { DigitsA = new DigitRange(1, 1), DigitsB = new DigitRange(1, 1) },
            Model = c.Model with { Layers = 2, DModel = 64, Heads = 4, DFf = 128 },
            Train = c.Train with { Steps = 300, BatchSize = 64, Lr = 5e-3, MinLr = 5e-4, EvalEvery = 300 },
            Runtime = c.Runtime with { LogEvery = 25 },
        });
        var run = tiny.Create();
        var outcome = tiny.Train(run);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var records = MetricsLog.Read(run.MetricsPath(LogFormat.Jsonl));
        var first = records[0]["loss_avg"]!.Value;
        var last = records[^1]["loss_avg"]!.Value;
        // A uniform guess over the vocabulary costs ln(16) ≈ 2.8 nats per answer token.
        Assert.True(last < first / 4, $"loss fell only from {first} to {last}");
        // Exact match on the training batch climbs from chance (no row right) to nearly all rows.
        Assert.True(records[0]["train_exact_match"] < 0.2, $"first exact match {records[0]["train_exact_match"]}");
        Assert.True(records[^1]["train_exact_match"] >= 0.8, $"last exact match {records[^1]["train_exact_match"]}");
        // Held-out sums (a tenth of the 100 one-digit problems, never trained on) start coming out right.
        Assert.True(outcome.HeldOutExactMatch > 0.2, $"held-out exact match {outcome.HeldOutExactMatch}");
    }

    [Fact]
    public void A_model_with_a_frozen_parameter_trains()
    {
        // FIRE's initial threshold is a parameter that takes no gradient (Li et al. 2024).
        using var tiny = new TinyRun(c => c with
        {
            Model = c.Model with { Positional = ConfigList.Of(PositionalScheme.Fire) },
            Train = c.Train with { Steps = 60, Lr = 5e-3 },
            Runtime = c.Runtime with { LogEvery = 10 },
        });
        var run = tiny.Create();

        var outcome = tiny.Train(run);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var records = MetricsLog.Read(run.MetricsPath(LogFormat.Jsonl)).Where(r => r.ContainsKey("loss_avg")).ToList();
        Assert.True(records[^1]["loss_avg"] < records[0]["loss_avg"], $"loss did not fall: {records[0]["loss_avg"]} to {records[^1]["loss_avg"]}");
    }

    [Theory]
    [InlineData(0.1, 1)]   // dropout: the curve depends on libtorch's generator, which a resume must continue
    [InlineData(0.0, 2)]   // each batch split into two shards trained side by side
    public void A_resumed_run_repeats_the_uninterrupted_losses_bit_for_bit(double dropout, int threads)
    {
        Func<ExperimentConfig, ExperimentConfig> config = c => c with
        {
            Model = c.Model with { Dropout = dropout },
            Runtime = c.Runtime with { Threads = threads },
        };
        using var straight = new TinyRun(config);
        Assert.Equal(threads, CpuParallelism.Plan(straight.Config, Device.Cpu).Shards);
        var a = straight.Create();
        Assert.Equal(TrainingStatus.Completed, straight.Train(a).Status);

        using var broken = new TinyRun(config);
        var b = broken.Create();
        using var stop = new CancellationTokenSource();
        var first = broken.Train(b, afterStep: (step, _) => { if (step == 12) stop.Cancel(); }, cancel: stop.Token);
        Assert.Equal(TrainingStatus.Interrupted, first.Status);
        Assert.Equal(12, first.Step);
        var second = broken.Train(b, resume: true);
        Assert.Equal(TrainingStatus.Completed, second.Status);

        var expected = straight.Losses(a);
        var actual = broken.Losses(b);
        Assert.Equal(30, expected.Count);
        Assert.Equal(expected.Select(l => l.Step), actual.Select(l => l.Step));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i].Loss) == BitConverter.DoubleToInt64Bits(actual[i].Loss),
                $"step {expected[i].Step}: {expected[i].Loss:R} uninterrupted, {actual[i].Loss:R} resumed");
        }
    }

    [Theory]
    [InlineData(LossScope.Answer, 2)]   // each batch split into two shards
    [InlineData(LossScope.Sequence, 1)]      // the loss covers the prompt too; exact match still reads the answer
    public void Logits_at_the_scored_positions_alone_train_as_logits_at_every_position(LossScope lossOn, int threads)
    {
        Func<ExperimentConfig, ExperimentConfig> config = c => c with
        {
            Data = c.Data with { LossOn = lossOn },
            Train = c.Train with { Steps = 10, EvalEvery = 5 },
            Runtime = c.Runtime with { Threads = threads },
        };
        using var scored = new TinyRun(config);
        var a = scored.Create();
        Assert.Equal(TrainingStatus.Completed, scored.Train(a, heldOut: 50).Status);
        using var everywhere = new TinyRun(config);
        var b = everywhere.Create();
        Assert.Equal(TrainingStatus.Completed, everywhere.Train(b, heldOut: 50, fullLogits: true).Status);

        // The same numbers are summed, in another order: float32 rounding apart, the same run.
        var expected = MetricsLog.Read(b.MetricsPath(LogFormat.Jsonl));
        var actual = MetricsLog.Read(a.MetricsPath(LogFormat.Jsonl));
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var key in new[] { "loss", "grad_norm", "held_out_loss" })
            {
                if (expected[i].GetValueOrDefault(key) is { } e)
                {
                    var value = actual[i][key]!.Value;
                    Assert.True(Math.Abs(value - e) <= 1e-5 * Math.Abs(e), $"step {i + 1} {key}: {value:R} at the scored positions, {e:R} at every position");
                }
            }
            Assert.Equal(expected[i]["train_exact_match"], actual[i]["train_exact_match"]);
            Assert.Equal(expected[i].GetValueOrDefault("held_out_exact_match"), actual[i].GetValueOrDefault("held_out_exact_match"));
        }
        Assert.Equal(2, expected.Count(r => r.GetValueOrDefault("held_out_loss") is not null));
    }

    [Fact]
    public void Cancelling_checkpoints_the_finished_step_and_exits_with_130()
    {
        using var tiny = new TinyRun();
        var run = tiny.Create();
        using var stop = new CancellationTokenSource();
        var outcome = tiny.Train(run, afterStep: (step, _) => { if (step == 7) stop.Cancel(); }, cancel: stop.Token);

        Assert.Equal(TrainingStatus.Interrupted, outcome.Status);
        Assert.Equal(130, outcome.ExitCode);
        var latest = run.Checkpoints.Latest();
        Assert.NotNull(latest);
        Assert.Equal(7, latest.Step);
        Assert.Equal(7, CheckpointStore.ReadState(latest).Step);
        Assert.Equal("step-000007", File.ReadAllText(run.Checkpoints.LatestPath).Trim());
    }

    [Fact]
    public void A_NaN_loss_stops_the_run_naming_the_step_and_keeps_the_last_good_checkpoint()
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { CheckpointEvery = 3 } });
        var run = tiny.Create();
        Experiment? experiment = null;
        using (experiment = Experiment.Create(tiny.Config))
        {
            var options = new TrainerOptions
            {
                Progress = new ProgressLine(TextWriter.Null, false, false),
                HeldOutProblems = 50,
                // After step 5 one weight turns NaN, so step 6's loss is NaN.
                AfterStep = (step, _) =>
                {
                    if (step == 5)
                    {
                        using var noGrad = LibTorch.NoGrad();
                        experiment.Model.Parameters().First().Fill_(double.NaN);
                    }
                },
            };
            var outcome = new Trainer(experiment, run, options).Run();

            Assert.Equal(TrainingStatus.Diverged, outcome.Status);
            Assert.Contains("NaN at step 6", outcome.Message, StringComparison.Ordinal);
            Assert.Contains("last good checkpoint is step 3", outcome.Message, StringComparison.Ordinal);
        }
        Assert.Equal(3, run.Checkpoints.Latest()!.Step);
        Assert.Equal([3L], run.Checkpoints.All().Select(c => c.Step));
        using var trained = TrainedModel.Load(run.Path, Device.Cpu);
        using var scope = DisposeScope.Begin();
        Assert.All(trained.Model.Parameters(), p => Assert.True(p.IsFinite().All().Item() != 0));
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_training_steps()
    {
        using var tiny = new TinyRun(c => c with
        {
            Train = c.Train with { Steps = 25, EvalEvery = 5 },
            Runtime = c.Runtime with { CheckpointEvery = 4, LogEvery = 3 },
        });
        var run = tiny.Create();
        var counts = new List<long>();
        var outcome = tiny.Train(run, afterStep: (_, _) => counts.Add(LibTorch.SettledLiveTensors), heldOut: 40);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        // From the second step on, the optimizer state exists and nothing else may accumulate.
        Assert.All(counts.Skip(1), c => Assert.Equal(counts[1], c));
    }

    [Fact]
    public void Resuming_under_a_changed_science_config_is_refused()
    {
        using var tiny = new TinyRun(c => c with { Runtime = c.Runtime with { CheckpointEvery = 10 } });
        var run = tiny.Create();
        using var stop = new CancellationTokenSource();
        tiny.Train(run, afterStep: (step, _) => { if (step == 10) stop.Cancel(); }, cancel: stop.Token);

        var changed = tiny.Config with { Train = tiny.Config.Train with { Lr = 1e-2 } };
        using var experiment = Experiment.Create(changed);
        var trainer = new Trainer(experiment, run, new TrainerOptions { Resume = true, Progress = new ProgressLine(TextWriter.Null, false, false) });
        var error = Assert.Throws<ResumeRefusedException>(() => trainer.Run());
        Assert.Contains("science hash", error.Message, StringComparison.Ordinal);
        Assert.Equal(["train.lr: 0.003 → 0.01"], ConfigDifference.Science(run.LoadConfig(), changed));
    }
}
