using ArithLab.Models.Looped;

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

    /// <summary>
    /// Where the recurrent state starts. A config that does not say gets <see cref="StateInit.Zero"/>;
    /// looped runs made before the key existed started from the embedding and need `embedding` to be rebuilt as trained.
    /// </summary>
    public StateInit StateInit { get; init; } = StateInit.Zero;

    /// <summary>
    /// Passes back-propagated through (truncated backprop): the first Recurrences − this many run
    /// without gradient. 0 means every pass. McLeish et al.'s reference defaults to half of them.
    /// </summary>
    public int BackpropPasses { get; init; }

    public ProgressiveLossConfig ProgressiveLoss { get; init; } = new();

    public bool IsLooped => BlockLayers > 0;
}
