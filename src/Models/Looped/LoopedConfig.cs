namespace ArithLab.Models.Looped;

/// <summary>
/// A looped (depth-recurrent) transformer: <see cref="Block"/> shape, heads, widths and
/// positional schemes come from <see cref="Transformer"/>, whose <c>Layers</c> is the number of
/// layers in the recurrent core. Prelude and coda layers run once, before and after the loop.
/// </summary>
public sealed record LoopedConfig
{
    public TransformerConfig Transformer { get; init; } = new();

    public int PreludeLayers { get; init; }

    public int CodaLayers { get; init; }

    public InjectionKind Injection { get; init; } = InjectionKind.Add;

    /// <summary>The state the first pass starts from; <see cref="StateInit.Zero"/> unless a config says otherwise.</summary>
    public StateInit StateInit { get; init; } = StateInit.Zero;

    /// <summary>Standard deviation of the <see cref="StateInit.Noise"/> start (0.02, the reference's "embed" scale).</summary>
    public double StateNoiseStd { get; init; } = 0.02;

    /// <summary>Passes of the core in training and by default in evaluation.</summary>
    public int MaxRecurrence { get; init; } = 4;

    /// <summary>Most passes back-propagated through (truncated backprop); 0 means ⌊MaxRecurrence / 2⌋, at least 1.</summary>
    public int MaxBackprop { get; init; }

    /// <summary>Weight α of the progressive term in the loss (McLeish et al. 2024, eq. 1).</summary>
    public double Alpha { get; init; } = 1.0;

    public int EffectiveMaxBackprop => MaxBackprop > 0 ? MaxBackprop : Math.Max(MaxRecurrence / 2, 1);
}
