using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// Position coupling (Cho et al. 2024, §3): digits of the same significance in the operands
/// and the answer share one position id, and a learned absolute table indexed by those
/// coupled ids is added to the token embedding. Ids come from <c>src/Data</c>; 0 marks tokens
/// without a coupled position. While training, every non-zero id is shifted by one random
/// offset per batch, as the paper does to cover positions longer than those seen.
/// State: <c>weight</c> (MaxId, C).
/// </summary>
public sealed class CoupledPositionEmbedding : Module
{
    private readonly Embedding _table;
    private readonly int _maxRandomOffset;
    private readonly Random _random;

    public CoupledPositionEmbedding(int maxId, int dModel, int maxRandomOffset = 0, int seed = 0)
    {
        _table = new Embedding(maxId, dModel);
        MaxId = maxId;
        _maxRandomOffset = maxRandomOffset;
        _random = new Random(seed);
    }

    public int MaxId { get; }

    public Tensor Weight => _table.Weight;

    /// <summary>Embeds ids (B, T) into (B, T, C).</summary>
    public Tensor Forward(Tensor ids) =>
        IdTable.Lookup(_table, ids, MaxId, Training ? _random.Next(0, _maxRandomOffset + 1) : 0, "coupled position");
}
