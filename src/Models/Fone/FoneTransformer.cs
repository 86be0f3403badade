using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Fone;

/// <summary>
/// A transformer with FoNE numbers (Zhou et al. 2025): each [NUM] token's embedding gets the
/// Fourier features of its value (<see cref="FoneEmbedding"/>), and an answer number is read from
/// the hidden state at the position before its [NUM] token (<see cref="FoneHead"/>), all digits
/// from one state. The token logits still predict the layout ([NUM], [EOS]).
/// State: <c>transformer.*</c> (the <see cref="Models.Transformer"/>), <c>embedding.linear.*</c>,
/// <c>head.norm.*</c>.
/// </summary>
public sealed class FoneTransformer : Module
{
    /// <summary>One digit class per period: the head reads digit i from the pair of period 10^(i+1).</summary>
    public FoneTransformer(TransformerConfig config, IReadOnlyList<long> periods)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(periods);
        Transformer = new Transformer(config);
        Embedding = new FoneEmbedding(config.DModel, periods);
        Head = new FoneHead(config.DModel, periods.Count);
    }

    public Transformer Transformer { get; }

    public FoneEmbedding Embedding { get; }

    public FoneHead Head { get; }

    /// <summary>Digit classes per number (= the periods).</summary>
    public int Digits => Head.Digits;

    /// <summary>
    /// ids, positionIds (B, T); numbers (B, T) float64 values at [NUM] tokens; mask (B, T) non-zero
    /// at [NUM] tokens → final hidden states (B, T, C), the input of both the token and digit heads.
    /// </summary>
    public Tensor HiddenStates(Tensor ids, Tensor? positionIds, Tensor numbers, Tensor mask)
    {
        using var scope = DisposeScope.Begin();
        var added = Embedding.Forward(numbers, mask);                                    // (B, T, C)
        return scope.Keep(Transformer.HiddenStates(ids, positionIds, addedEmbedding: added));
    }
}
