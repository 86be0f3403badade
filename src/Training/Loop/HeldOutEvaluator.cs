using ArithLab.Data.Batching;
using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Precision;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Loop;

/// <summary>
/// The small held-out check during training: a fixed set of test-side problems at the training
/// lengths, packed once, scored by teacher-forced exact match and loss in eval mode (under FoNE, by
/// the digit head's reading of each answer number).
/// </summary>
public sealed class HeldOutEvaluator
{
    private readonly List<Batch> _batches = [];

    public HeldOutEvaluator(ExperimentData data, int problems, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var all = data.HeldOutProblems(problems);
        Count = all.Count;
        for (var i = 0; i < all.Count; i += batchSize)
        {
            _batches.Add(data.Pack(all.Skip(i).Take(batchSize).ToList()));
        }
    }

    /// <summary>Problems in the set (fewer than asked when the test side at these lengths is small).</summary>
    public int Count { get; }

    /// <summary>Exact-match rate and mean answer-token loss of the model on the set.</summary>
    public (double ExactMatch, double Loss) Evaluate(Module model, Device device, IPrecisionPolicy precision)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(precision);
        Func<BatchTensors, (int Correct, double LossSum, long Scored)> score = model is FoneTransformer fone
            ? t => ScoreFone(fone, t, precision)
            : t => ScoreTokens((ICausalLanguageModel)model, t, precision);
        var wasTraining = model.Training;
        model.Train(false);
        try
        {
            using var noGrad = LibTorch.NoGrad();
            var correct = 0;
            double lossSum = 0;
            long scored = 0;
            foreach (var batch in _batches)
            {
                using var scope = DisposeScope.Begin();
                var (c, l, n) = score(BatchTensors.From(batch, device));
                correct += c;
                lossSum += l;
                scored += n;
            }
            return (Count == 0 ? 0 : (double)correct / Count, scored == 0 ? 0 : lossSum / scored);
        }
        finally
        {
            model.Train(wasTraining);
        }
    }

    /// <summary>
    /// A problem is right when every answer token is the arg-max; the loss is summed over answer tokens.
    /// Logits are computed at the scored positions alone, as in training.
    /// </summary>
    private static (int Correct, double LossSum, long Scored) ScoreTokens(ICausalLanguageModel network, BatchTensors t, IPrecisionPolicy precision)
    {
        Tensor logits;
        using (precision.BeginForward())
        {
            logits = network.LogitsAt(t.Ids, t.Positions, t.ScoredRows);      // (N, V)
        }
        var scored = logits.To(ScalarType.Float32);
        var lossSum = Functional.CrossEntropy(scored, t.ScoredTargets, ignoreIndex: BatchTensors.IgnoreIndex, reduction: Reduction.Sum).Item();
        var correct = ExactMatch.CorrectRows(scored.ArgMax(-1).ToArray<long>(), t.HostScoredRows, t.AnswerTargets, t.Rows, t.Width);
        return (correct, lossSum, t.LossTokens);
    }

    /// <summary>
    /// FoNE: a problem is right when the digit head reads every digit of its answer from the hidden
    /// state before the answer's [NUM] token (one pass, no decoding); the loss is the head's per number.
    /// </summary>
    private static (int Correct, double LossSum, long Scored) ScoreFone(FoneTransformer fone, BatchTensors t, IPrecisionPolicy precision)
    {
        Tensor digitLogits, digitLoss;
        using (precision.BeginForward())
        {
            (_, digitLogits, digitLoss) = FonePass.Forward(fone, t);
        }
        var f = t.Fone!;
        var correct = f.CorrectRows(digitLogits.ArgMax(-1).ToArray<long>(), t.Rows);
        return (correct, digitLoss.To(ScalarType.Float32).Item() * f.Count, f.Count);
    }
}
