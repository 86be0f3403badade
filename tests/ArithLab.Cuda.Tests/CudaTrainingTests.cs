using ArithLab.Torch;
using ArithLab.Training;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Cuda.Tests;

/// <summary>The trainer on the GPU: float32, bfloat16 autocast, and float16 with dynamic loss scaling.</summary>
public sealed class CudaTrainingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("arithlab-cuda-train-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ExperimentConfig Tiny(PrecisionConfig precision, string name) => new()
    {
        Name = name,
        Seed = 7,
        Data = new DataConfig { DigitsA = new DigitRange(1, 2), DigitsB = new DigitRange(1, 2) },
        Model = new ModelConfig { Layers = 1, DModel = 64, Heads = 2, DFf = 128 },
        Train = new TrainConfig { Steps = 150, BatchSize = 64, Lr = 3e-3, MinLr = 3e-4, WarmupSteps = 10, EvalEvery = 1000 },
        Precision = precision,
        Eval = new EvalConfig { GridA = new DigitRange(1, 2), GridB = new DigitRange(1, 2), BatchSize = 64 },
        Runtime = new RuntimeConfig { Device = "cuda", LogEvery = 10, CheckpointEvery = 0, KeepCheckpoints = 1, RunDir = _root, Progress = false },
    };

    /// <summary>Trains on CUDA and returns the outcome with the first and last logged losses.</summary>
    private (TrainingOutcome Outcome, double First, double Last) Train(ExperimentConfig config)
    {
        var run = RunDirectory.Create(config);
        using var experiment = Experiment.Create(config);
        var options = new TrainerOptions { HeldOutProblems = 200, Progress = new ProgressLine(TextWriter.Null, enabled: false, interactive: false) };
        var outcome = new Trainer(experiment, run, options).Run();
        var losses = MetricsLog.Read(run.MetricsPath(config.Runtime.LogFormat)).Select(r => r["loss"]!.Value).ToList();
        return (outcome, losses[0], losses[^1]);
    }

    [Theory]
    [InlineData(DType.Float32, false, false)]
    [InlineData(DType.BFloat16, true, false)]
    [InlineData(DType.Float16, true, true)]
    public void A_tiny_run_learns_on_the_gpu(DType dtype, bool autocast, bool dynamicLossScale)
    {
        Cuda.Require();
        var precision = new PrecisionConfig { DType = dtype, Autocast = autocast, LossScale = dynamicLossScale ? LossScale.Dynamic : LossScale.None };
        var (outcome, first, last) = Train(Tiny(precision, $"cuda-{dtype}"));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(double.IsFinite(last), $"{dtype}: final loss {last}");
        Assert.True(last < first * 0.5, $"{dtype}: loss went from {first} to {last}");
    }
}
