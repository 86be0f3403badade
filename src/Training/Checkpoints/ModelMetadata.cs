using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Models.Looped;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// The header metadata of a checkpoint's model.safetensors (all strings, as the format requires):
/// <c>format</c> "pt"; <c>arithlab_model</c> "transformer", "looped" or "fone"; <c>config</c> the model's
/// config as JSON (TransformerConfig — for FoNE, its transformer's —, or LoopedConfig with its Transformer inside; the field names of
/// ArithLab.Models, enums as names); <c>experiment</c> the resolved YAML; <c>science_hash</c>; <c>step</c>.
/// </summary>
public static class ModelMetadata
{
    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter() } };

    public static Dictionary<string, string> For(Module model, ExperimentConfig config, long step)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        var (kind, json) = model switch
        {
            Transformer t => ("transformer", JsonSerializer.Serialize(t.Config, s_json)),
            LoopedTransformer l => ("looped", JsonSerializer.Serialize(l.Config, s_json)),
            FoneTransformer f => ("fone", JsonSerializer.Serialize(f.Transformer.Config, s_json)),
            _ => (model.GetType().Name, "{}"),
        };
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "pt",
            ["arithlab_model"] = kind,
            ["config"] = json,
            ["experiment"] = ConfigWriter.Write(config),
            ["science_hash"] = ConfigHash.Of(config),
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
        };
    }
}
