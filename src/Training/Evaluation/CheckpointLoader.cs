using ArithLab.Models;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Config;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Rebuilds a run's model from its resolved config and loads a safetensors checkpoint into it,
/// strictly: a missing or unexpected weight is an error listing the keys.
/// </summary>
public static class CheckpointLoader
{
    public static LoadedModel Load(ExperimentConfig config, string checkpoint, int vocabularySize, Device device)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        var transformer = TransformerConfigOf(config.Model, vocabularySize);
        using var content = SafetensorsFile.Load(checkpoint);
        if (config.Model.Looped.IsLooped)
        {
            var looped = new LoopedTransformer(new Models.Looped.LoopedConfig
            {
                Transformer = transformer with { Layers = config.Model.Looped.BlockLayers },
                Injection = config.Model.Looped.InputInjection ? InjectionKind.Add : InjectionKind.None,
                MaxRecurrence = config.Model.Looped.Recurrences,
            });
            Fill(looped, content, checkpoint);
            return new LoadedModel(looped.To(device).Eval(), device);
        }
        var model = new Transformer(transformer);
        Fill(model, content, checkpoint);
        return new LoadedModel(model.To(device).Eval(), device);
    }

    /// <summary>The models layer's config for the experiment's `model` section.</summary>
    public static TransformerConfig TransformerConfigOf(ModelConfig m, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new TransformerConfig
        {
            VocabSize = vocabularySize,
            Layers = m.Layers,
            DModel = m.DModel,
            Heads = m.Heads,
            DFf = m.DFf,
            Activation = Enum.Parse<Models.Activation>(m.Activation.ToString()),
            Norm = Enum.Parse<Models.NormKind>(m.Norm.ToString()),
            NormPlacement = Enum.Parse<Models.NormPlacement>(m.NormPlacement.ToString()),
            Dropout = m.Dropout,
            Bias = m.Bias,
            TieEmbeddings = m.TieEmbeddings,
            MaxSeqLen = m.MaxPositions,
            Positional = string.Join("+", m.Positional.Select(SchemeName)),
            RopeBase = m.RopeBase,
        };
    }

    private static string SchemeName(PositionalScheme scheme) => scheme switch
    {
        PositionalScheme.None => "nope",
        PositionalScheme.HardAlibi => "hard_alibi",
        _ => scheme.ToString().ToLowerInvariant(),
    };

    private static void Fill(Module model, SafetensorsContent content, string checkpoint)
    {
        try
        {
            model.LoadStateDict(content.Tensors, strict: true);
        }
        catch (Exception e) when (e is StateDictException or ArgumentException or TorchException)
        {
            throw new RunDirectoryException($"checkpoint '{checkpoint}' does not fit the run's model config: {e.Message}");
        }
    }
}
