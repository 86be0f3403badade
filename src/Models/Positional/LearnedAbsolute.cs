using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>A learned table of absolute positions, added to the token embeddings (GPT-2). State: <c>pos_embed.weight</c> (MaxSeqLen, C).</summary>
public sealed class LearnedAbsolute : Module
{
    private readonly Embedding _table;

    public LearnedAbsolute(int maxSeqLen, int dModel)
    {
        MaxSeqLen = maxSeqLen;
        _table = new Embedding(maxSeqLen, dModel);
    }

    public int MaxSeqLen { get; }

    public Tensor Weight => _table.Weight;

    /// <summary>Embeddings of positions start..start+length−1: (T, C).</summary>
    public Tensor Forward(int start, int length)
    {
        if (start + length > MaxSeqLen)
        {
            throw new ArgumentException($"position {start + length - 1} is beyond the learned table of {MaxSeqLen} positions (raise MaxSeqLen)");
        }
        using var scope = DisposeScope.Begin();
        var positions = Tensor.Arange(start, start + length, dtype: ScalarType.Int64, device: Weight.Device);
        return scope.Keep(_table.Forward(positions));
    }
}
