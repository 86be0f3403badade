using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Torch;
using ArithLab.Training.Loop;

namespace ArithLab.Training.Fone;

/// <summary>The forward pass of a <see cref="FoneTransformer"/> on a batch, shared by the training step and the held-out check.</summary>
public static class FonePass
{
    /// <summary>
    /// One FoNE pass: token logits (S, V) at the batch's scored positions (<see cref="BatchTensors.ScoredRows"/>;
    /// the unembedding runs there alone), the digit logits (N, D, 10) at the positions that predict an
    /// answer number, and the head's loss there (Zhou et al. 2025, §3.2: per-digit cross-entropy summed
    /// over digits), to be added to the token loss.
    /// </summary>
    public static (Tensor TokenLogits, Tensor DigitLogits, Tensor DigitLoss) Forward(FoneTransformer fone, BatchTensors batch)
    {
        var f = batch.Fone ?? throw new InvalidOperationException("a FoNE model needs FoNE batches (BatchOptions.FoneDigits)");
        var hidden = fone.HiddenStates(batch.Ids, batch.Positions, f.Values, f.Mask);           // (B, W, C)
        var tokenLogits = fone.Transformer.Unembed(FlatRows.Select(hidden, batch.ScoredRows));  // (S, V)
        var selected = FlatRows.Select(hidden, f.Positions);                                    // (N, C)
        return (tokenLogits, fone.Head.Logits(selected), fone.Head.Loss(selected, f.Labels));
    }
}
