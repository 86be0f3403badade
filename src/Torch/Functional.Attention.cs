using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Attention.
public static partial class Functional
{
    /// <summary>Whether <see cref="ScaledDotProductAttention"/> runs libtorch's fused kernel (libtorch ≥ 2.1) rather than the composed reference.</summary>
    public static bool AttentionIsFused
    {
        get
        {
            Status.Check(NativeMethods.al_sdpa_is_fused(out var fused));
            return fused != 0;
        }
    }

    /// <summary>
    /// softmax(q kᵀ · scale + bias) v (Vaswani et al. 2017, eq. 1) for q (..., L, E),
    /// k (..., S, E), v (..., S, Ev) → (..., L, Ev), as PyTorch's
    /// <c>F.scaled_dot_product_attention</c>: the fused kernel on libtorch ≥ 2.1, the same
    /// formula composed from matmul, mask, softmax and dropout on older ones.
    /// </summary>
    /// <param name="causal">Query i attends only to keys j ≤ i (top-left aligned when L ≠ S).</param>
    /// <param name="mask">Broadcastable to (..., L, S): bool marks the pairs that may attend; a float mask is added to the scores. Not with <paramref name="causal"/>.</param>
    /// <param name="dropoutP">Dropout on the attention weights; pass 0 when not training.</param>
    /// <param name="scale">Score scale; null is 1/√E.</param>
    public static Tensor ScaledDotProductAttention(Tensor q, Tensor k, Tensor v, bool causal = false, Tensor? mask = null,
                                                   double dropoutP = 0, double? scale = null) =>
        Attention(q, k, v, causal, mask, dropoutP, scale, forceComposed: false);

    /// <summary>
    /// The attention pattern softmax(q kᵀ · scale + bias) (..., L, S) that
    /// <see cref="ScaledDotProductAttention"/> applies to v (before dropout), with the same
    /// <paramref name="causal"/>, <paramref name="mask"/> and <paramref name="scale"/>
    /// rules: for looking inside a model (the fused kernel does not return it).
    /// </summary>
    public static Tensor AttentionWeights(Tensor q, Tensor k, bool causal = false, Tensor? mask = null, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        CheckScale(scale);
        var result = Status.Wrap(NativeMethods.al_attention_weights(q.Handle, k.Handle, Tensor.OptionalHandle(mask), causal ? 1 : 0, scale ?? 0, out var r), r);
        GC.KeepAlive(mask);
        return result;
    }

    /// <summary>The composed formula whatever the libtorch version, so tests can compare it with the fused kernel.</summary>
    internal static Tensor ComposedAttention(Tensor q, Tensor k, Tensor v, bool causal = false, Tensor? mask = null,
                                             double dropoutP = 0, double? scale = null) =>
        Attention(q, k, v, causal, mask, dropoutP, scale, forceComposed: true);

    private static Tensor Attention(Tensor q, Tensor k, Tensor v, bool causal, Tensor? mask, double dropoutP, double? scale, bool forceComposed)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(v);
        if (dropoutP is < 0 or >= 1 || double.IsNaN(dropoutP))
        {
            throw new ArgumentOutOfRangeException(nameof(dropoutP), dropoutP, "attention dropout must be in [0, 1)");
        }
        CheckScale(scale);
        var result = Status.Wrap(NativeMethods.al_scaled_dot_product_attention(q.Handle, k.Handle, v.Handle, Tensor.OptionalHandle(mask),
                                                                               dropoutP, causal ? 1 : 0, scale ?? 0, forceComposed ? 1 : 0, out var r), r);
        GC.KeepAlive(mask);
        return result;
    }

    private static void CheckScale(double? scale)
    {
        if (scale is <= 0 || (scale is { } s && !double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be positive and finite");
        }
    }
}
