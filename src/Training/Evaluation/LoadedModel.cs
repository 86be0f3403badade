using ArithLab.Models;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Training.Evaluation;

/// <summary>A trained model ready to answer, plain or looped, on one device; disposing frees its weights.</summary>
public sealed class LoadedModel : IDisposable
{
    private readonly Module _module;

    public LoadedModel(Transformer model, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        _module = Plain = model;
        Device = device;
    }

    public LoadedModel(LoopedTransformer model, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        _module = Looped = model;
        Device = device;
    }

    public Transformer? Plain { get; }

    public LoopedTransformer? Looped { get; }

    public Device Device { get; }

    /// <summary>The recurrences a looped model trained with; null for a plain model.</summary>
    public int? TrainedRecurrences => Looped?.Config.MaxRecurrence;

    /// <summary>Greedy decoding; a looped model runs <paramref name="recurrences"/> passes (its trained value when null).</summary>
    public IAnswerGenerator Generator(int? recurrences = null)
    {
        if (Looped is not null)
        {
            return ModelAnswerGenerator.Looped(Looped, recurrences, Device);
        }
        if (recurrences is not null)
        {
            throw new ArgumentException("test-time recurrences apply to looped models only; this model is not looped", nameof(recurrences));
        }
        return new ModelAnswerGenerator(Plain!, Device);
    }

    public void Dispose() => _module.Dispose();
}
