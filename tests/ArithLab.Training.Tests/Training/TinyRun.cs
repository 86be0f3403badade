using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

/// <summary>A tiny reversed-addition experiment in a temporary run folder, trained in a second or two.</summary>
internal sealed class TinyRun : IDisposable
{
    public TinyRun(Func<ExperimentConfig, ExperimentConfig>? change = null)
    {
        Root = Directory.CreateTempSubdirectory("arithlab-trainer-").FullName;
        var config = new ExperimentConfig
        {
            Name = "tiny",
            Seed = 7,
            Data = new DataConfig { DigitsA = new DigitRange(1, 2), DigitsB = new DigitRange(1, 2) },
            Model = new ModelConfig { Layers = 1, DModel = 32, Heads = 2, DFf = 64 },
            Train = new TrainConfig { Steps = 30, BatchSize = 32, Lr = 3e-3, MinLr = 3e-4, WarmupSteps = 5, EvalEvery = 1000 },
            Eval = new EvalConfig { GridA = new DigitRange(1, 2), GridB = new DigitRange(1, 2), BatchSize = 64 },
            Runtime = new RuntimeConfig { Device = "cpu", Threads = 2, LogEvery = 1, CheckpointEvery = 0, KeepCheckpoints = 0, RunDir = Root, Progress = false },
        };
        Config = change is null ? config : change(config);
    }

    public string Root { get; }

    public ExperimentConfig Config { get; }

    public RunDirectory Create() => RunDirectory.Create(Config);

    public RunDirectory Open() => RunDirectory.Open(RunDirectory.DefaultPath(Config));

    /// <summary>Trains a fresh experiment (or resumes) into the run folder; <paramref name="fullLogits"/> as <see cref="TrainerOptions.FullLogits"/>.</summary>
    public TrainingOutcome Train(RunDirectory run, bool resume = false, Action<long, double>? afterStep = null, int heldOut = 100, bool fullLogits = false,
                                 CancellationToken cancel = default)
    {
        using var experiment = Experiment.Create(Config);
        var options = new TrainerOptions
        {
            Resume = resume, AfterStep = afterStep, HeldOutProblems = heldOut, FullLogits = fullLogits,
            Progress = new ProgressLine(TextWriter.Null, enabled: false, interactive: false),
        };
        return new Trainer(experiment, run, options).Run(cancel);
    }

    /// <summary>The training losses logged, by step.</summary>
    public IReadOnlyList<(long Step, double Loss)> Losses(RunDirectory run) =>
        MetricsLog.Read(run.MetricsPath(Config.Runtime.LogFormat)).Select(r => ((long)r["step"]!.Value, r["loss"]!.Value)).ToList();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
