using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>A scheme's table added to the token embedding (roles AddsToEmbedding and SuppliesIdTable).</summary>
public interface IPositionEmbedding
{
    /// <summary>The embedding of the queried positions: (T, C), broadcast over the batch, or (B, T, C).</summary>
    Tensor Forward(PositionQuery query);
}
