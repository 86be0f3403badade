using ArithLab.Torch;

namespace ArithLab.Training.Families;

/// <summary>What a family's training loss needs from the trainer.</summary>
/// <param name="TokenLoss">Scored token logits (N, V) → the batch's token loss (the trainer's cross-entropy, label smoothing and divisor).</param>
/// <param name="StepSeed">Seeds what the step draws on the host (a looped model's truncated pass); the same for a resumed run.</param>
/// <param name="FullLogits">Compute logits at every position and pick the scored ones, instead of at the scored ones alone.</param>
public sealed record LossContext(Func<Tensor, Tensor> TokenLoss, int StepSeed, bool FullLogits = false);
