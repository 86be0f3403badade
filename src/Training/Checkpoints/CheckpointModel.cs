using System.Text.Json;
using ArithLab.Data.Tokenization;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// A model rebuilt from one <c>model.safetensors</c> file alone: the experiment YAML in its metadata
/// gives the data side (task, format, tokenizer, position ids) and the network; the recorded
/// <c>vocabulary</c> is checked against the rebuilt tokenizer, so a file whose token ids the code would
/// read differently is refused instead of probed wrongly. Checkpoints written before the vocabulary
/// was recorded still load: they carry the experiment, or their run folder has config.resolved.yaml.
/// <code>
/// using var m = CheckpointModel.Load("runs/quickstart/checkpoints/step-001500/model.safetensors", Device.Cpu);
/// var ids = m.Tokenizer.Encode(["$", "1", "2", "+", "3", "=" ]);
/// </code>
/// </summary>
public sealed class CheckpointModel : IDisposable
{
    private CheckpointModel(string path, ExperimentConfig config, ExperimentData data, IModelAdapter adapter, long step)
    {
        Path = path;
        Config = config;
        Data = data;
        Adapter = adapter;
        Step = step;
    }

    /// <summary>The model.safetensors file it was read from.</summary>
    public string Path { get; }

    public ExperimentConfig Config { get; }

    public ExperimentData Data { get; }

    public CharTokenizer Tokenizer => Data.Tokenizer;

    /// <summary>The model's family: its answer generator, hooks, position tables.</summary>
    public IModelAdapter Adapter { get; }

    /// <summary>A <c>Transformer</c>, <c>LoopedTransformer</c> or <c>FoneTransformer</c>, in eval mode.</summary>
    public Module Model => Adapter.Model;

    public long Step { get; }

    /// <summary>Loads a checkpoint file (or a checkpoint folder holding model.safetensors).</summary>
    public static CheckpointModel Load(string path, Device device)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, CheckpointInfo.ModelFileName) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no checkpoint file {file}", file);
        }
        var metadata = SafetensorsFile.ReadHeader(file).Metadata;
        var config = ConfigOf(file, metadata);
        var data = new ExperimentData(config);
        CheckVocabulary(file, metadata, data);
        var step = metadata.TryGetValue("step", out var s) && long.TryParse(s, out var n) ? n : 0;
        var adapter = ModelAdapters.Create(config.Model, data, device);
        var model = adapter.Model;
        try
        {
            TrainedModel.LoadWeights(model, file);
            model.Eval();
            return new CheckpointModel(file, config, data, adapter, step);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The experiment from the metadata, else from the run folder around checkpoints/step-N/.</summary>
    private static ExperimentConfig ConfigOf(string file, IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.TryGetValue(ModelMetadata.ExperimentKey, out var yaml))
        {
            return ConfigLoader.Parse(yaml, $"{file} (metadata '{ModelMetadata.ExperimentKey}')");
        }
        var runFolder = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))));
        var runConfig = runFolder is null ? null : System.IO.Path.Combine(runFolder, RunDirectory.ConfigFileName);
        if (runConfig is not null && File.Exists(runConfig))
        {
            return ConfigLoader.Load(runConfig);
        }
        throw new InvalidDataException(
            $"{file} records neither its experiment (metadata '{ModelMetadata.ExperimentKey}') nor sits in a run folder with {RunDirectory.ConfigFileName}; " +
            "the tokenizer and model cannot be rebuilt from it");
    }

    private static void CheckVocabulary(string file, IReadOnlyDictionary<string, string> metadata, ExperimentData data)
    {
        if (!metadata.TryGetValue(ModelMetadata.VocabularyKey, out var json))
        {
            return; // written before the vocabulary was recorded: the experiment alone defines it
        }
        var recorded = JsonSerializer.Deserialize<string[]>(json)
                       ?? throw new InvalidDataException($"{file}: metadata '{ModelMetadata.VocabularyKey}' is not a JSON list of tokens");
        var rebuilt = data.Vocabulary.Tokens;
        var first = Enumerable.Range(0, Math.Min(recorded.Length, rebuilt.Count)).FirstOrDefault(i => recorded[i] != rebuilt[i], -1);
        if (recorded.Length != rebuilt.Count || first >= 0)
        {
            var where = first >= 0 ? $"id {first} is '{recorded[first]}' in the file but '{rebuilt[first]}' in this code" : $"{recorded.Length} tokens in the file, {rebuilt.Count} in this code";
            throw new InvalidDataException($"{file}: the recorded vocabulary differs from the one this code builds for its experiment ({where})");
        }
    }

    public void Dispose() => Model.Dispose();
}
