using ArithLab.Models.Fone;
using ArithLab.Torch;

namespace ArithLab.Training.Loop;

/// <summary>The forward pass of a <see cref="FoneTransformer"/> on a batch, shared by the training step and the held-out check.</summary>
public static class FonePass
{
    /// <summary>
    /// One FoNE pass: token logits (B, W, V), the digit logits (N, D, 10) at the positions that
    /// predict an answer number, and the head's loss there (Zhou et al. 2025, §3.2: per-digit
    /// cross-entropy summed over digits), to be added to the token loss.
    /// </summary>
    public static (Tensor TokenLogits, Tensor DigitLogits, Tensor DigitLoss) Forward(FoneTransformer fone, BatchTensors batch)
    {
        var f = batch.Fone ?? throw new InvalidOperationException("a FoNE model needs FoNE batches (BatchOptions.FoneDigits)");
        var hidden = fone.HiddenStates(batch.Ids, batch.Positions, f.Values, f.Mask);           // (B, W, C)
        var tokenLogits = fone.Transformer.Unembed(hidden);                                     // (B, W, V)
        var selected = hidden.Reshape(-1, hidden.Size(-1)).IndexSelect(0, f.Positions);         // (N, C)
        return (tokenLogits, fone.Head.Logits(selected), fone.Head.Loss(selected, f.Labels));
    }
}
