using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// The header metadata of a checkpoint's model.safetensors (all strings, as the format requires):
/// <c>format</c> "pt"; <c>arithlab_model</c> "transformer", "looped" or "fone"; <c>config</c> the model's
/// config as JSON (TransformerConfig — for FoNE, its transformer's —, or LoopedConfig with its Transformer inside; the field names of
/// ArithLab.Models, enums as names); <c>experiment</c> the resolved YAML; <c>science_hash</c>; <c>step</c>;
/// and what a reader needs to turn tokens into ids without the code: <c>vocabulary</c> (a JSON list of token
/// strings, index = token id), <c>data_format</c> (data.format) and <c>positions</c> (data.positions).
/// <c>format</c> keeps the safetensors convention ("pt", the framework the tensors are laid out for), so the
/// data format has its own key.
/// </summary>
public static class ModelMetadata
{
    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter(), new SchemeFlagsConverter() } };

    // Tokens such as "+" and "<17>" stay readable in the header instead of becoming \u escapes.
    private static readonly JsonSerializerOptions s_tokens = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string VocabularyKey = "vocabulary";
    public const string DataFormatKey = "data_format";
    public const string PositionsKey = "positions";
    public const string ExperimentKey = "experiment";

    public static Dictionary<string, string> For(Module model, ExperimentData data, long step) =>
        For(ModelAdapters.For(model), data, step);

    /// <summary>The metadata of a checkpoint of <paramref name="adapter"/>'s network; its family gives the tag and config.</summary>
    public static Dictionary<string, string> For(IModelAdapter adapter, ExperimentData data, long step)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(data);
        var config = data.Config;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "pt",
            ["arithlab_model"] = adapter.CheckpointTag,
            ["config"] = JsonSerializer.Serialize(adapter.CheckpointConfig, s_json),
            [ExperimentKey] = ConfigWriter.Write(config),
            ["science_hash"] = ConfigHash.Of(config),
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
            [VocabularyKey] = JsonSerializer.Serialize(data.Vocabulary.Tokens, s_tokens),
            [DataFormatKey] = config.Data.Format.Name,
            [PositionsKey] = ConfigKeys.PositionIdNames.NameOf(config.Data.Positions),
        };
    }
}
