using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>
/// The positions of one forward pass, as an embedding-side scheme needs them: tokens
/// <see cref="Start"/>..Start+Length−1 (Start is the cached length when decoding), the data's
/// position ids (B, T) when the format supplies them, and the dtype and device of the embedding.
/// </summary>
public sealed record PositionQuery(Tensor? Ids, int Start, int Length, ScalarType DType, Device Device);
