using ArithLab.Models.Positional;
using ArithLab.Torch;

namespace ArithLab.Models;

/// <summary>
/// What every attention layer of one forward pass shares: where the queries start (the
/// cached length), the causal mask, the rotary embedding and a bias that does not depend on
/// the layer (ALiBi, Hard-ALiBi).
/// </summary>
/// <param name="Start">Absolute position of the first query (0 without a cache).</param>
/// <param name="CausalMask">True where query i must not see key j: (Tq, Tk), j &gt; Start + i.</param>
/// <param name="SharedBias">Added to every layer's scores: (nh, Tq, Tk), or null.</param>
public sealed record AttentionContext(int Start, Tensor CausalMask, Rope? Rope, Tensor? SharedBias);
