using ArithLab.Data.Batching;
using ArithLab.Torch;
using ArithLab.Training.Loop;

namespace ArithLab.Training.Fone;

/// <summary>
/// The FoNE side of a batch on the device: number values and their mask (B, W) for the embedding,
/// and the scored answer numbers: their flat positions (N) in the (B·W) grid — the column before
/// each answer [NUM] token, whose hidden state predicts the number — with their digit labels (N, D),
/// least significant first. Host copies of the labels and of each position's row score exact match.
/// </summary>
public sealed class FoneTensors
{
    private FoneTensors(Tensor values, Tensor mask, Tensor positions, Tensor labels, long[] hostLabels, int[] rowOf, int digits)
    {
        Values = values;
        Mask = mask;
        Positions = positions;
        Labels = labels;
        HostLabels = hostLabels;
        RowOf = rowOf;
        Digits = digits;
    }

    /// <summary>(B, W) float64: the value at each [NUM] token, 0 elsewhere.</summary>
    public Tensor Values { get; }

    /// <summary>(B, W) float32: 1 at [NUM] tokens.</summary>
    public Tensor Mask { get; }

    /// <summary>(N) int64 flat indices into (B·W) of the positions that predict a scored number.</summary>
    public Tensor Positions { get; }

    /// <summary>(N, D) int64 digit labels of those numbers.</summary>
    public Tensor Labels { get; }

    public long[] HostLabels { get; }

    /// <summary>(N) the batch row of each scored number.</summary>
    public int[] RowOf { get; }

    public int Count => RowOf.Length;

    public int Digits { get; }

    public static FoneTensors From(Batch batch, Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (B, W, D) = (batch.Size, batch.Width, batch.FoneDigits);
        var n = B * W;
        var values = batch.NumberValues!.AsSpan(0, n).ToArray();
        var mask = batch.NumberMask!.AsSpan(0, n).ToArray();
        var positions = new List<long>();
        var rows = new List<int>();
        var labels = new List<long>();
        var targets = batch.TargetDigits!;
        for (var i = 0; i < n; i++)
        {
            // The batcher writes −1 (ignore) in every digit of a position that predicts no scored number.
            if (targets[i * D] < 0)
            {
                continue;
            }
            positions.Add(i);
            rows.Add(i / W);
            for (var j = 0; j < D; j++)
            {
                labels.Add(targets[i * D + j]);
            }
        }
        var hostLabels = labels.ToArray();
        return new FoneTensors(
            BatchTensors.OnDevice(Tensor.From(values, B, W), device),
            BatchTensors.OnDevice(Tensor.From(mask, B, W), device),
            BatchTensors.OnDevice(Tensor.From(positions.ToArray(), positions.Count), device),
            BatchTensors.OnDevice(Tensor.From(hostLabels, positions.Count, D), device),
            hostLabels, rows.ToArray(), D);
    }

    /// <summary>Rows of <paramref name="rowCount"/> whose every scored number has all digits right; <paramref name="predicted"/> is (N, D).</summary>
    public int CorrectRows(ReadOnlySpan<long> predicted, int rowCount)
    {
        var wrong = new bool[rowCount];
        for (var k = 0; k < Count; k++)
        {
            for (var j = 0; j < Digits; j++)
            {
                wrong[RowOf[k]] |= predicted[k * Digits + j] != HostLabels[k * Digits + j];
            }
        }
        return wrong.Count(w => !w);
    }
}
