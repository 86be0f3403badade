using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// A trained model read back from a run directory, ready for evaluation or probing: the run's config,
/// its data (same vocabulary, split and position ids as training), and the network in eval mode
/// with a checkpoint's weights.
/// <code>
/// using var trained = TrainedModel.Load("runs/quickstart-1a2b3c4d5e6f-s0", Device.Cpu);
/// var answers = trained.Adapter.AnswerGenerator(Device.Cpu).Generate(requests);
/// </code>
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(RunDirectory run, ExperimentConfig config, ExperimentData data, IModelAdapter adapter, CheckpointInfo checkpoint)
    {
        Run = run;
        Config = config;
        Data = data;
        Adapter = adapter;
        Checkpoint = checkpoint;
    }

    public RunDirectory Run { get; }

    public ExperimentConfig Config { get; }

    public ExperimentData Data { get; }

    /// <summary>The model's family: its answer generator, hooks, position tables.</summary>
    public IModelAdapter Adapter { get; }

    /// <summary>A <c>Transformer</c> or <c>LoopedTransformer</c> (both <c>ICausalLanguageModel</c>), or a <c>FoneTransformer</c> under data.format fone; in eval mode.</summary>
    public Module Model => Adapter.Model;

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
        var adapter = ModelAdapters.Create(config.Model, data, device);
        var model = adapter.Model;
        try
        {
            LoadWeights(model, checkpoint);
            model.Eval();
            return new TrainedModel(run, config, data, adapter, checkpoint);
        }
        catch (CheckpointDamagedException e) when (step is null)
        {
            model.Dispose();
            // The latest is damaged: name the newest intact one, to be chosen on purpose rather than silently.
            var intact = CheckpointCheck.NewestIntactBefore(run.Checkpoints, checkpoint);
            throw new CheckpointDamagedException(checkpoint, e.Message + (intact is null
                ? "; no older checkpoint of this run is intact"
                : $"; the newest intact checkpoint is step {intact.Step}: {intact.Path}"), e);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies a checkpoint's weights into a model of the same shape (strict: every key must match), and
    /// checks they are finite. A file that cannot be read, does not fit the model or holds NaN/Inf is a
    /// <see cref="CheckpointDamagedException"/>.
    /// </summary>
    public static void LoadWeights(Module model, CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        LoadWeights(model, checkpoint.ModelPath, checkpoint);
    }

    /// <summary>Copies a model.safetensors file's weights into a model of the same shape (strict, finite).</summary>
    public static void LoadWeights(Module model, string modelFile) =>
        LoadWeights(model, modelFile, new CheckpointInfo(0, Path.GetDirectoryName(Path.GetFullPath(modelFile)) ?? "."));

    private static void LoadWeights(Module model, string modelFile, CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckpointCheck.Readable(checkpoint, modelFile, content =>
        {
            CheckpointCheck.RequireFinite(checkpoint, content.Tensors);
            model.LoadStateDict(content.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        });
    }

    public void Dispose() => Model.Dispose();
}
