using ArithLab.Models.Positional;
using ArithLab.Torch;

namespace ArithLab.Models;

/// <summary>
/// What every attention layer of one forward pass shares: where the queries start (the
/// cached length), the causal mask, the rotation of q and k, and a bias that does not depend on
/// the layer (ALiBi, Hard-ALiBi). Built by <see cref="PositionalStack.Context"/>.
/// </summary>
/// <param name="Start">Absolute position of the first query (0 without a cache).</param>
/// <param name="CausalMask">True where query i must not see key j: (Tq, Tk), j &gt; Start + i.</param>
/// <param name="Rotation">Rotates q and k (RoPE), or null.</param>
/// <param name="SharedBias">Added to every layer's scores: (nh, Tq, Tk), or null.</param>
public sealed record AttentionContext(int Start, Tensor CausalMask, IQueryKeyRotation? Rotation, Tensor? SharedBias)
{
    /// <summary>The context for <paramref name="length"/> queries from absolute position <paramref name="start"/>.</summary>
    public static AttentionContext Causal(int start, int length, Device device, IQueryKeyRotation? rotation = null, Tensor? sharedBias = null)
    {
        var keyLength = start + length;
        // Query i (absolute start + i) must not see key j > start + i.
        var mask = Tensor.Ones(new long[] { length, keyLength }, ScalarType.Bool, device).Triu(start + 1);       // (Tq, Tk)
        return new AttentionContext(start, mask, rotation, sharedBias);
    }
}
