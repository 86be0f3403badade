using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// Abacus embeddings (McLeish et al. 2024, §3.1): a learned table indexed by each token's
/// Abacus id — a digit's place within its number, counted from the least significant digit,
/// 0 for non-digits — added to the token embedding. Ids come from <c>src/Data</c>. While
/// training, every non-zero id is shifted by one random k ∈ [0, maxRandomOffset] per batch so
/// that positions beyond the training lengths are trained too. State: <c>weight</c> (MaxId, C).
/// </summary>
public sealed class AbacusEmbedding : Module
{
    private readonly Parameter _weight;
    private readonly int _maxRandomOffset;
    private readonly Random _random;

    public AbacusEmbedding(int maxId, int dModel, int maxRandomOffset = 0, int seed = 0)
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
        IdTable.Lookup(_weight.Tensor, ids, MaxId, Training ? _random.Next(0, _maxRandomOffset + 1) : 0, "Abacus");
}
