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
    private readonly Parameter _weight;
    private readonly int _maxRandomOffset;
    private readonly Random _random;

    public CoupledPositionEmbedding(int maxId, int dModel, int maxRandomOffset = 0, int seed = 0)
    {
        _weight = new Parameter(Init.Normal_(Tensor.Zeros(maxId, dModel)), noWeightDecay: true);
        MaxId = maxId;
        _maxRandomOffset = maxRandomOffset;
        _random = new Random(seed);
    }

    public int MaxId { get; }

    public Tensor Weight => _weight.Tensor;

    /// <summary>Embeds ids (B, T) into (B, T, C).</summary>
    public Tensor Forward(Tensor ids) =>
        IdTable.Lookup(_weight.Tensor, ids, MaxId, Training ? _random.Next(0, _maxRandomOffset + 1) : 0, "coupled position");
}
