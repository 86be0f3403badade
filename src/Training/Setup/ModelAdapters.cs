using ArithLab.Data.Tokenization;
using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ArithLab.Training.Families;
using ArithLab.Training.Fone;

namespace ArithLab.Training.Setup;

/// <summary>
/// The composition root of model families: the one place that knows which adapter serves which
/// network. Everything else (trainer, held-out check, evaluation, checkpoints, command line) talks to
/// <see cref="IModelAdapter"/>. A new family adds its adapter and one line here (docs/architecture.md).
/// </summary>
public static class ModelAdapters
{
    /// <summary>Builds the network from its config (<see cref="ModelFactory.Create"/>) and wraps it.</summary>
    public static IModelAdapter Create(ModelConfig model, ExperimentData data, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        // The adapter holds the network for its owner (Experiment, TrainedModel, CheckpointModel), which
        // disposes it; CA2000 cannot see that, and the catch disposes it if wrapping fails.
#pragma warning disable CA2000
        var network = ModelFactory.Create(model, data, device);
#pragma warning restore CA2000
        try
        {
            return For(network, data.Tokenizer);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The adapter of a built network; <paramref name="tokenizer"/> is the vocabulary a FoNE model
    /// writes its answers in (without it, a FoNE adapter trains and scores but does not answer).
    /// </summary>
    public static IModelAdapter For(Module model, CharTokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            Transformer t => new TransformerAdapter(t),
            LoopedTransformer l => new LoopedAdapter(l),
            FoneTransformer f => new FoneAdapter(f, tokenizer),
            ICausalLanguageModel causal => new CausalModelAdapter(model, causal),
            _ => throw new ArgumentException($"a {model.GetType().Name} is not a model family the lab knows", nameof(model)),
        };
    }
}
