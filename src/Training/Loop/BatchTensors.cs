using ArithLab.Data.Batching;
using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Training.Fone;

namespace ArithLab.Training.Loop;

/// <summary>
/// One batch on the device: ids and position ids (B, W) int64, and the positions the step scores:
/// their flat indices b·W + t (N) and their loss targets (N) int64, <see cref="IgnoreIndex"/> where
/// the loss mask is 0, so the cross-entropy averages over the tokens data.loss_on names. The model
/// computes logits at these positions alone (<see cref="ICausalLanguageModel.LogitsAt"/>). Keeps
/// host-side targets of the answer alone for scoring exact match without another transfer.
/// </summary>
public sealed class BatchTensors
{
    /// <summary>PyTorch's default ignore index of the cross-entropy.</summary>
    public const int IgnoreIndex = -100;

    private BatchTensors(Tensor ids, Tensor positions, Tensor scoredRows, Tensor scoredTargets, long[] hostScoredRows, long[] answerTargets,
                         int rows, int width, long tokens, long lossTokens)
    {
        LossTokens = lossTokens;
        Ids = ids;
        Positions = positions;
        ScoredRows = scoredRows;
        ScoredTargets = scoredTargets;
        HostScoredRows = hostScoredRows;
        AnswerTargets = answerTargets;
        Rows = rows;
        Width = width;
        Tokens = tokens;
    }

    public Tensor Ids { get; }

    public Tensor Positions { get; }

    /// <summary>
    /// (N) int64, ascending: the flat positions b·W + t that have a loss target or an answer target.
    /// Both loss scopes cover the answer, so these are the positions the loss counts.
    /// </summary>
    public Tensor ScoredRows { get; }

    /// <summary>(N) the loss targets at <see cref="ScoredRows"/>, <see cref="IgnoreIndex"/> outside the loss mask.</summary>
    public Tensor ScoredTargets { get; }

    /// <summary><see cref="ScoredRows"/> on the host, for reading exact match out of the scored logits.</summary>
    public long[] HostScoredRows { get; }

    /// <summary>
    /// (B·W) on the host: the targets of the answer and its end token, <see cref="IgnoreIndex"/> elsewhere,
    /// whatever the loss scope. Exact match is scored on these: under data.loss_on all the loss also
    /// covers the prompt, whose operand digits no model can predict.
    /// </summary>
    public long[] AnswerTargets { get; }

    public int Rows { get; }

    public int Width { get; }

    /// <summary>Real tokens in the batch (BOS to EOS, no padding).</summary>
    public long Tokens { get; }

    /// <summary>
    /// Targets the loss counts (those not <see cref="IgnoreIndex"/>) in the whole batch this one was
    /// cut from: the divisor of the mean loss, the same for every slice.
    /// </summary>
    public long LossTokens { get; }

    /// <summary>
    /// Rows [<paramref name="start"/>, start + <paramref name="rows"/>) as views of this batch's
    /// tensors, with the scored positions among them counted from the slice's first (collected by the
    /// open dispose scope). <see cref="LossTokens"/> stays the whole batch's, so slice losses summed
    /// over the slices are the batch's mean.
    /// </summary>
    public BatchTensors Slice(int start, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + rows, Rows);
        if (Fone is not null)
        {
            throw new NotSupportedException("FoNE batches are not sliced: their numbers are indexed across the whole batch");
        }
        var (first, count) = (start * Width, rows * Width);
        var (from, to) = (FirstAtOrAfter(HostScoredRows, first), FirstAtOrAfter(HostScoredRows, first + count));
        return new BatchTensors(
            Ids.Narrow(0, start, rows),
            Positions.Narrow(0, start, rows),
            ScoredRows.Narrow(0, from, to - from) - first,
            ScoredTargets.Narrow(0, from, to - from),
            HostScoredRows[from..to].Select(r => r - first).ToArray(),
            AnswerTargets.AsSpan(first, count).ToArray(),
            rows, Width, Tokens, LossTokens);
    }

    /// <summary>Copies the batch's arrays into new tensors on the device (collected by the open dispose scope).</summary>
    public static BatchTensors From(Batch batch, Device device)
    {
        var t = TokensOnly(batch, device);
        if (batch.FoneDigits > 0)
        {
            t.Fone = FoneTensors.From(batch, device);
        }
        return t;
    }

    /// <summary>FoNE: the numbers and digit targets of the batch; null for digit-token batches.</summary>
    public FoneTensors? Fone { get; private set; }

    private static BatchTensors TokensOnly(Batch batch, Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (B, W) = (batch.Size, batch.Width);
        var n = B * W;
        var ids = new long[n];
        var positions = new long[n];
        var targets = new long[n];
        var answers = new long[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = batch.TokenIds[i];
            positions[i] = batch.PositionIds[i];
            targets[i] = batch.LossMask[i] != 0f ? batch.Targets[i] : IgnoreIndex;
        }
        long tokens = 0;
        for (var b = 0; b < B; b++)
        {
            tokens += batch.Lengths[b];
            // Column PromptLengths[b] (the last prompt token) predicts the first answer token; column
            // Lengths[b] − 2 predicts EOS, as the batcher's answer-scope loss mask.
            var row = answers.AsSpan(b * W, W);
            row.Fill(IgnoreIndex);
            for (var c = batch.PromptLengths[b]; c < batch.Lengths[b] - 1; c++)
            {
                row[c] = batch.Targets[b * W + c];
            }
        }
        var scored = Enumerable.Range(0, n).Where(i => targets[i] != IgnoreIndex || answers[i] != IgnoreIndex).Select(i => (long)i).ToArray();
        var scoredTargets = Array.ConvertAll(scored, i => targets[i]);
        var lossTokens = scoredTargets.LongCount(t => t != IgnoreIndex);
        return new BatchTensors(
            OnDevice(Tensor.From(ids, B, W), device),
            OnDevice(Tensor.From(positions, B, W), device),
            OnDevice(Tensor.From(scored, scored.Length), device),
            OnDevice(Tensor.From(scoredTargets, scored.Length), device),
            scored, answers, B, W, tokens, lossTokens);
    }

    /// <summary>The index of the first of the ascending <paramref name="sorted"/> that is ≥ <paramref name="value"/>.</summary>
    private static int FirstAtOrAfter(long[] sorted, long value)
    {
        var i = Array.BinarySearch(sorted, value);
        return i >= 0 ? i : ~i;
    }

    internal static Tensor OnDevice(Tensor t, Device device) => device.Type == DeviceType.Cpu ? t : t.To(device);
}
