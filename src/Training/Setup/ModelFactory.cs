using ArithLab.Data.Positions;
using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ModelLoopedConfig = ArithLab.Models.Looped.LoopedConfig;

namespace ArithLab.Training.Setup;

/// <summary>
/// `model` config → the network: a <see cref="Transformer"/>, or a <see cref="LoopedTransformer"/>
/// when `model.looped.block_layers` > 0, or a <see cref="FoneTransformer"/> under data.format fone
/// (state dict: <c>transformer.*</c>, <c>embedding.linear.*</c>, <c>head.norm.*</c>). The vocabulary and position-table sizes come from the
/// experiment's data, so a model rebuilt from a run's resolved config has the checkpoint's shapes.
/// </summary>
public static class ModelFactory
{
    /// <summary>The transformer's config: the whole model, or the block shape of a looped one (its Layers = the core).</summary>
    public static TransformerConfig TransformerConfig(ModelConfig model, ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return new TransformerConfig
        {
            VocabSize = data.Vocabulary.Count,
            Layers = model.Looped.IsLooped ? model.Looped.BlockLayers : model.Layers,
            DModel = model.DModel,
            Heads = model.Heads,
            DFf = model.DFf,
            Activation = model.Activation,
            Norm = model.Norm,
            NormPlacement = model.NormPlacement,
            Dropout = model.Dropout,
            Bias = model.Bias,
            TieEmbeddings = model.TieEmbeddings,
            MaxSeqLen = model.MaxPositions,
            // Absolute ids from the data may start anywhere while training (data.absolute_max_offset).
            LearnedFromIds = data.Config.Data.Positions == PositionScheme.Absolute,
            Positional = string.Join('+', model.Positional.Select(s => s.Name)),
            RopeBase = model.RopeBase,
            MaxPositionId = Math.Max(model.MaxPositions, data.PositionTableSize),
            IdTable = model.IdTable,
            HardAlibiWindows = model.HardAlibiWindows.Count > 0 ? model.HardAlibiWindows.ToArray() : null,
            // The data layer already draws the Abacus offsets and coupled starts.
            MaxRandomOffset = 0,
        };
    }

    /// <summary>
    /// The looped model's config: `block_layers` form the recurrent core; the other
    /// `layers − block_layers` run once, the first half before the loop (prelude) and the rest after
    /// it (coda). The first loss term back-propagates through every recurrence.
    /// </summary>
    public static ModelLoopedConfig LoopedConfig(ModelConfig model, ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rest = model.Layers - model.Looped.BlockLayers;
        return new ModelLoopedConfig
        {
            Transformer = TransformerConfig(model, data),
            PreludeLayers = rest / 2,
            CodaLayers = rest - rest / 2,
            Injection = model.Looped.InputInjection ? InjectionKind.Add : InjectionKind.None,
            StateInit = model.Looped.StateInit,
            MaxRecurrence = model.Looped.Recurrences,
            MaxBackprop = model.Looped.BackpropPasses > 0 ? model.Looped.BackpropPasses : model.Looped.Recurrences,
            Alpha = model.Looped.ProgressiveLoss.Alpha,
        };
    }

    /// <summary>Builds the model on the CPU with libtorch's generator as it stands (seed it first) and moves it to the device.</summary>
    public static Module Create(ModelConfig model, ExperimentData data, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.IsFone)
        {
            if (model.Looped.IsLooped)
            {
                throw new NotSupportedException("data.format 'fone' trains a plain transformer; set model.looped.block_layers to 0");
            }
            var fone = new FoneTransformer(TransformerConfig(model, data), model.Fone.Periods.Select(p => (long)p).ToArray());
            return device.Type == DeviceType.Cpu ? fone : fone.To(device);
        }
        Module network = model.Looped.IsLooped
            ? new LoopedTransformer(LoopedConfig(model, data))
            : new Transformer(TransformerConfig(model, data));
        return device.Type == DeviceType.Cpu ? network : network.To(device);
    }
}
