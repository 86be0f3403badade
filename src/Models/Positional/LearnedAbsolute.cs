using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// A learned table of absolute positions, added to the token embeddings (GPT-2): rows 0..T−1, or the
/// rows the data's position ids name when an example may start anywhere in the context. State:
/// <c>weight</c> (MaxSeqLen, C), so <c>pos_embed.weight</c> in a model.
/// </summary>
public sealed class LearnedAbsolute : Module, IPositionEmbedding
{
    private readonly Parameter _weight;
    private readonly bool _fromIds;

    /// <param name="fromIds">Look rows up by the data's position ids when a query has them (training may start an example
    /// anywhere in the context), else by start..start+T−1.</param>
    public LearnedAbsolute(int maxSeqLen, int dModel, bool fromIds = false)
    {
        MaxSeqLen = maxSeqLen;
        _fromIds = fromIds;
        // N(0, 1) as nn.Embedding; looked up, so kept out of weight decay.
        _weight = new Parameter(Init.Normal_(Tensor.Zeros(maxSeqLen, dModel)), noWeightDecay: true);
    }

    public int MaxSeqLen { get; }

    public Tensor Weight => _weight.Tensor;

    /// <summary>(B, T, C) by the query's ids when built to read them and the query has them, else (T, C) by position.</summary>
    public Tensor Forward(PositionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _fromIds && query.Ids is not null ? Forward(query.Ids) : Forward(query.Start, query.Length);
    }

    /// <summary>Embeddings of positions start..start+length−1: (T, C).</summary>
    public Tensor Forward(int start, int length)
    {
        if (start + length > MaxSeqLen)
        {
            throw new ArgumentException($"position {start + length - 1} is beyond the learned table of {MaxSeqLen} positions (raise MaxSeqLen)");
        }
        using var scope = DisposeScope.Begin();
        var positions = Tensor.Arange(start, start + length, dtype: ScalarType.Int64, device: Weight.Device);
        return scope.Keep(Functional.Embedding(_weight.Tensor, positions));
    }

    /// <summary>Embeddings of the positions <paramref name="ids"/> (B, T) names: (B, T, C).</summary>
    public Tensor Forward(Tensor ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = DisposeScope.Begin();
        var positions = ids.To(ScalarType.Int64, Weight.Device);
        var largest = positions.NumEl == 0 ? 0 : (long)positions.Max().Item();
        if (largest >= MaxSeqLen)
        {
            throw new ArgumentException($"position {largest} is beyond the learned table of {MaxSeqLen} positions (raise MaxSeqLen)");
        }
        return scope.Keep(Functional.Embedding(_weight.Tensor, positions));
    }
}
