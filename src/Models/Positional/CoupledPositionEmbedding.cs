namespace ArithLab.Models.Positional;

/// <summary>
/// Position coupling (Cho et al. 2024, §3): digits of the same significance in the operands
/// and the answer share one position id, and a learned absolute table indexed by those
/// coupled ids is added to the token embedding. Ids come from <c>src/Data</c>; 0 marks tokens
/// without a coupled position. While training, every non-zero id is shifted by one random
/// offset per batch, as the paper does to cover positions longer than those seen.
/// State: <c>weight</c> (MaxId, C).
/// </summary>
public sealed class CoupledPositionEmbedding : IdTable
{
    public CoupledPositionEmbedding(int maxId, int dModel, int maxRandomOffset = 0, int seed = 0, IdTableKind kind = IdTableKind.Learned)
        : base(maxId, dModel, maxRandomOffset, seed, "coupled position", kind)
    {
    }
}
