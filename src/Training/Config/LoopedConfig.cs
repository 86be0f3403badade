namespace ArithLab.Training.Config;

/// <summary>`model.looped`: a recurrent block of layers applied several times (McLeish et al. 2024).</summary>
public sealed record LoopedConfig
{
    /// <summary>Layers in the recurrent block; 0 means the model is not looped.</summary>
    public int BlockLayers { get; init; }

    /// <summary>Times the block is applied during training.</summary>
    public int Recurrences { get; init; } = 1;

    /// <summary>Whether the embedded input is added to the block's input on every recurrence.</summary>
    public bool InputInjection { get; init; } = true;

    public ProgressiveLossConfig ProgressiveLoss { get; init; } = new();

    public bool IsLooped => BlockLayers > 0;
}
