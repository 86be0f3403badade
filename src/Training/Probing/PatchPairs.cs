using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Torch;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Probing;

/// <summary>
/// Clean and corrupted problems for patching, laid out token for token alike: of the pairs given,
/// the rows whose prompts have the same length and position ids and whose first answer tokens
/// differ, cut to BOS and the prompt. The last kept column's logits predict the first answer token,
/// where the patching metric reads the clean answer's logit against the corrupted one's.
/// </summary>
public sealed class PatchPairs
{
    private PatchPairs(ProbeBatch clean, ProbeBatch corrupted, IReadOnlyList<int> rows, int width)
    {
        Clean = clean;
        Corrupted = corrupted;
        Rows = rows;
        Width = width;
    }

    public ProbeBatch Clean { get; }

    public ProbeBatch Corrupted { get; }

    /// <summary>The kept rows of <see cref="Clean"/> and <see cref="Corrupted"/>, in order.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Columns kept (BOS and the prompt); the answer's first token is predicted at column Width − 1.</summary>
    public int Width { get; }

    public int Count => Rows.Count;

    /// <summary>Per kept row, the clean problem's first answer token.</summary>
    public IReadOnlyList<int> CleanAnswers => Rows.Select(i => Clean.TokenId(i, Width)).ToArray();

    /// <summary>Per kept row, the corrupted problem's first answer token.</summary>
    public IReadOnlyList<int> CorruptedAnswers => Rows.Select(i => Corrupted.TokenId(i, Width)).ToArray();

    /// <summary>
    /// Pairs row i of <paramref name="clean"/> with row i of <paramref name="corrupted"/>; the layout of the
    /// first clean problem decides the prompt length kept.
    /// </summary>
    public static PatchPairs Of(ExperimentData data, IReadOnlyList<Problem> clean, IReadOnlyList<Problem> corrupted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(corrupted);
        if (clean.Count != corrupted.Count)
        {
            throw new ArgumentException($"{clean.Count} clean problems for {corrupted.Count} corrupted ones", nameof(corrupted));
        }
        var cleanBatch = ProbeBatch.Of(data, clean);
        var corruptedBatch = ProbeBatch.Of(data, corrupted);
        var width = cleanBatch.AnswerStart(0);
        var rows = Enumerable.Range(0, clean.Count).Where(i => cleanBatch.AnswerStart(i) == width && corruptedBatch.AnswerStart(i) == width
            && cleanBatch.TokenId(i, width) != corruptedBatch.TokenId(i, width)
            && SamePositions(cleanBatch, corruptedBatch, i, width)).ToArray();
        return new PatchPairs(cleanBatch, corruptedBatch, rows, width);
    }

    /// <summary>The kept clean rows' ids (N, Width); the caller owns the tensor.</summary>
    public Tensor CleanIds() => Cut(Clean.Ids());

    /// <summary>The kept corrupted rows' ids (N, Width); the caller owns the tensor.</summary>
    public Tensor CorruptedIds() => Cut(Corrupted.Ids());

    /// <summary>The kept rows' position ids (N, Width), shared by both sides; null when the run's data writes none.</summary>
    public Tensor? Positions() => Clean.Positions() is { } positions ? Cut(positions) : null;

    private Tensor Cut(Tensor all)
    {
        using var scope = DisposeScope.Begin();
        using var rows = Tensor.From(Rows.Select(i => (long)i).ToArray(), Rows.Count);
        var cut = all.IndexSelect(0, rows).Narrow(1, 0, Width).Contiguous();
        all.Dispose();
        return scope.Keep(cut);
    }

    private static bool SamePositions(ProbeBatch clean, ProbeBatch corrupted, int row, int width)
    {
        if (clean.Data.EvalPositions.Scheme == PositionScheme.None)
        {
            return true;
        }
        return Enumerable.Range(0, width).All(c => clean.PositionId(row, c) == corrupted.PositionId(row, c));
    }
}
