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
public sealed record AttentionContext(int Start, Tensor CausalMask, Rope? Rope, Tensor? SharedBias)
{
    /// <summary>The context for <paramref name="length"/> queries from absolute position <paramref name="start"/>,
    /// with whichever of RoPE, ALiBi and Hard-ALiBi the model uses.</summary>
    public static AttentionContext Causal(int start, int length, ScalarType dtype, Device device, Rope? rope, Alibi? alibi, HardAlibi? hardAlibi)
    {
        var keyLength = start + length;
        // Query i (absolute start + i) must not see key j > start + i.
        var mask = Tensor.Ones(new long[] { length, keyLength }, ScalarType.Bool, device).Triu(start + 1);       // (Tq, Tk)
        Tensor? shared = null;
        if (alibi is not null) shared = alibi.Bias(start, length, keyLength, dtype, device);                      // (nh, Tq, Tk)
        if (hardAlibi is not null) shared = hardAlibi.Bias(start, length, keyLength, dtype, device);
        return new AttentionContext(start, mask, rope, shared);
    }
}
