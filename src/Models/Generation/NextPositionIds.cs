using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>
/// Supplies the position id (Abacus, coupled) of a token just generated, from the sequence so
/// far (B, t) including that token: returns (B, 1). Formats know their ids; the model does not.
/// </summary>
public delegate Tensor NextPositionIds(Tensor tokensSoFar);
