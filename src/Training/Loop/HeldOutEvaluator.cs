using ArithLab.Data.Batching;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Families;
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
    public (double ExactMatch, double Loss) Evaluate(Module model, Device device, IPrecisionPolicy precision) =>
        Evaluate(ModelAdapters.For(model), device, precision);

    /// <summary>Exact-match rate and mean loss of the model on the set, as its family scores a batch.</summary>
    public (double ExactMatch, double Loss) Evaluate(IModelAdapter adapter, Device device, IPrecisionPolicy precision)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(precision);
        var model = adapter.Model;
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
                var (c, l, n) = adapter.Score(BatchTensors.From(batch, device), precision);
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
}
