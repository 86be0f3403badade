using ArithLab.Data;
using ArithLab.Models.Fone;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Fone;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class FoneTrainingTests
{
    // Two-digit operands: sums below 200 need three digit classes (periods 10, 100, 1000).
    private static ExperimentConfig Fone(ExperimentConfig c) => c with
    {
        Data = c.Data with { Format = DataFormat.Fone },
        Model = c.Model with { Layers = 2, DModel = 64, Heads = 4, DFf = 128, Fone = new FoneConfig { Periods = ConfigList.Of(10, 100, 1000) } },
    };

    [Fact]
    public void A_tiny_fone_run_learns_two_digit_sums()
    {
        using var tiny = new TinyRun(c => Fone(c) with
        {
            Train = c.Train with { Steps = 300, BatchSize = 64, Lr = 5e-3, MinLr = 5e-4, EvalEvery = 300 },
            Runtime = c.Runtime with { LogEvery = 25 },
        });
        var run = tiny.Create();
        var outcome = tiny.Train(run, heldOut: 200);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var records = MetricsLog.Read(run.MetricsPath(LogFormat.Jsonl));
        var first = records[0]["loss_avg"]!.Value;
        var last = records[^1]["loss_avg"]!.Value;
        // Three digits guessed uniformly cost 3·ln 10 ≈ 6.9 nats, plus the token loss.
        Assert.True(last < first / 3, $"loss fell only from {first} to {last}");
        Assert.True(records[0]["train_exact_match"] < 0.1, $"first exact match {records[0]["train_exact_match"]}");
        // Held-out sums, never trained on, read off the digit head: chance is 1 in 200 or so.
        Assert.True(outcome.HeldOutExactMatch > 0.6, $"held-out exact match {outcome.HeldOutExactMatch}");

        // `arithlab eval`'s reading of the saved model (prompts collapsed by the generator, not the
        // batcher) gets exactly the held-out problems right that the training check did.
        using var trained = TrainedModel.Load(run.Path, Device.Cpu);
        var problems = trained.Data.HeldOutProblems(200);
        var encoder = EvalEncoder.For(trained.Data);
        var answers = new FoneAnswerGenerator((FoneTransformer)trained.Model, trained.Data.Tokenizer, Device.Cpu)
            .Generate(problems.Select(p => encoder.Encode(p).Request).ToList());
        var right = problems.Where((p, i) => AnswerScorer.Score(encoder.Format, p, encoder.Decode(answers[i])).Correct).Count();
        Assert.Equal(outcome.HeldOutExactMatch!.Value, (double)right / problems.Count, 9);
    }

    [Fact]
    public void A_fone_checkpoint_restores_the_embedding_and_head()
    {
        using var tiny = new TinyRun(Fone);
        var run = tiny.Create();
        using var experiment = Experiment.Create(tiny.Config);
        var options = new TrainerOptions { HeldOutProblems = 20, Progress = new ProgressLine(TextWriter.Null, enabled: false, interactive: false) };
        Assert.Equal(TrainingStatus.Completed, new Trainer(experiment, run, options).Run().Status);

        using var trained = TrainedModel.Load(run.Path, Device.Cpu);
        var original = Assert.IsType<FoneTransformer>(experiment.Model);
        var loaded = Assert.IsType<FoneTransformer>(trained.Model);
        var names = loaded.StateDict().Keys.ToList();
        Assert.Contains("embedding.linear.weight", names);
        Assert.Contains("head.norm.weight", names);
        Assert.Contains("transformer.tok_embed.weight", names);

        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        original.Eval();
        var batch = BatchTensors.From(experiment.Data.Pack(experiment.Data.HeldOutProblems(20)), Device.Cpu);
        var (_, before, _) = FonePass.Forward(original, batch);
        var (_, after, _) = FonePass.Forward(loaded, batch);
        Assert.True(Tensor.AllClose(before, after), "the loaded model's digit logits differ from the trained model's");
        // A freshly initialised model reads the numbers differently, so the equality above is the checkpoint's doing.
        LibTorch.ManualSeed(12345);
        using var fresh = (FoneTransformer)ModelFactory.Create(tiny.Config.Model, experiment.Data, Device.Cpu);
        fresh.Eval();
        var (_, other, _) = FonePass.Forward(fresh, batch);
        Assert.False(Tensor.AllClose(before, other));
    }

    [Fact]
    public void A_resumed_fone_run_repeats_the_uninterrupted_losses_bit_for_bit()
    {
        // The optimizer state of the embedding and head must come back with the transformer's.
        using var straight = new TinyRun(Fone);
        var a = straight.Create();
        Assert.Equal(TrainingStatus.Completed, straight.Train(a, heldOut: 20).Status);

        using var broken = new TinyRun(Fone);
        var b = broken.Create();
        using var stop = new CancellationTokenSource();
        Assert.Equal(TrainingStatus.Interrupted, broken.Train(b, afterStep: (step, _) => { if (step == 12) stop.Cancel(); }, heldOut: 20, cancel: stop.Token).Status);
        Assert.Equal(TrainingStatus.Completed, broken.Train(b, resume: true, heldOut: 20).Status);

        var expected = straight.Losses(a);
        var actual = broken.Losses(b);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i].Loss) == BitConverter.DoubleToInt64Bits(actual[i].Loss),
                $"step {expected[i].Step}: {expected[i].Loss:R} uninterrupted, {actual[i].Loss:R} resumed");
        }
    }
}
