using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// A trained model read back from a run directory, ready for evaluation or probing: the run's config,
/// its data (same vocabulary, split and position ids as training), and the network in eval mode
/// with a checkpoint's weights.
/// <code>
/// using var trained = TrainedModel.Load("runs/quickstart-1a2b3c4d5e6f-s0", Device.Cpu);
/// var logits = ((ICausalLanguageModel)trained.Model).Logits(ids, positionIds);
/// </code>
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(RunDirectory run, ExperimentConfig config, ExperimentData data, Module model, CheckpointInfo checkpoint)
    {
        Run = run;
        Config = config;
        Data = data;
        Model = model;
        Checkpoint = checkpoint;
    }

    public RunDirectory Run { get; }

    public ExperimentConfig Config { get; }

    public ExperimentData Data { get; }

    /// <summary>A <c>Transformer</c> or <c>LoopedTransformer</c> (both <c>ICausalLanguageModel</c>), or a <c>FoneTransformer</c> under data.format fone; in eval mode.</summary>
    public Module Model { get; }

    public CheckpointInfo Checkpoint { get; }

    public long Step => Checkpoint.Step;

    /// <summary>Loads the latest checkpoint of a run, or the one at <paramref name="step"/>.</summary>
    public static TrainedModel Load(string runDirectory, Device device, long? step = null)
    {
        var run = RunDirectory.Open(runDirectory);
        var checkpoint = step is { } s
            ? run.Checkpoints.At(s)
            : run.Checkpoints.Latest() ?? throw new FileNotFoundException($"{run.Path} has no checkpoint yet");
        var config = run.LoadConfig();
        var data = new ExperimentData(config);
        var model = ModelFactory.Create(config.Model, data, device);
        try
        {
            LoadWeights(model, checkpoint);
            model.Eval();
            return new TrainedModel(run, config, data, model, checkpoint);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Copies a checkpoint's weights into a model of the same shape (strict: every key must match).</summary>
    public static void LoadWeights(Module model, CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        LoadWeights(model, checkpoint.ModelPath);
    }

    /// <summary>Copies a model.safetensors file's weights into a model of the same shape (strict).</summary>
    public static void LoadWeights(Module model, string modelFile)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var content = SafetensorsFile.Load(modelFile);
        model.LoadStateDict(content.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    public void Dispose() => Model.Dispose();
}
