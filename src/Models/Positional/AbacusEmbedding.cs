namespace ArithLab.Models.Positional;

/// <summary>
/// Abacus embeddings (McLeish et al. 2024, §3.1): a learned table indexed by each token's
/// Abacus id — a digit's place within its number, counted from the least significant digit,
/// 0 for non-digits — added to the token embedding. Ids come from <c>src/Data</c>. While
/// training, every non-zero id is shifted by one random k ∈ [0, maxRandomOffset] per batch so
/// that positions beyond the training lengths are trained too. State: <c>weight</c> (MaxId, C).
/// </summary>
public sealed class AbacusEmbedding : IdTable
{
    public AbacusEmbedding(int maxId, int dModel, int maxRandomOffset = 0, int seed = 0, IdTableKind kind = IdTableKind.Learned)
        : base(maxId, dModel, maxRandomOffset, seed, "Abacus", kind)
    {
    }
}
