using ArithLab.Torch;

namespace ArithLab.Training.Families;

/// <summary>
/// A training pass's loss (a scalar to back-propagate) and the predictions its exact match is read
/// from: token logits (N, V) at the scored positions, or a FoNE model's digit logits (N, D, 10).
/// </summary>
public sealed record BatchLoss(Tensor Loss, Tensor Predictions);
