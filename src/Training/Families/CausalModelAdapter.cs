using ArithLab.Models;
using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Families;

/// <summary>
/// Any next-token model (<see cref="ICausalLanguageModel"/>): trained by cross-entropy on the scored
/// tokens, right when every answer token is the arg-max, answering by greedy decoding. The plain and
/// looped transformers refine it with their tag, config and hooks; a bare one (a test's oracle) has
/// neither, and its checkpoint tag is its type's name.
/// </summary>
public class CausalModelAdapter : IModelAdapter
{
    private readonly ICausalLanguageModel _network;

    public CausalModelAdapter(Module model, ICausalLanguageModel network)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(network);
        Model = model;
        _network = network;
    }

    public Module Model { get; }

    public virtual string CheckpointTag => Model.GetType().Name;

    public virtual object CheckpointConfig => new { };

    public virtual TransformerConfig? Transformer => null;

    public virtual HookRegistry? Hooks => null;

    public virtual int? TrainedRecurrences => null;

    public virtual Transformer? ProbeTarget => null;

    /// <summary>
    /// Logits (N, V) at the scored positions and their token loss. <see cref="ICausalLanguageModel.LogitsAt"/>
    /// lets a plain transformer run its last block's position-wise part and the unembedding there alone.
    /// </summary>
    public virtual BatchLoss Loss(BatchTensors batch, LossContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        var output = context.FullLogits
            ? FlatRows.Select(_network.Logits(batch.Ids, batch.Positions), batch.ScoredRows)
            : _network.LogitsAt(batch.Ids, batch.Positions, batch.ScoredRows);                 // (N, V)
        return new BatchLoss(context.TokenLoss(output), output);
    }

    public int CorrectRows(BatchTensors batch, Tensor predictions)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(predictions);
        return ExactMatch.CorrectRows(predictions.Detach().ArgMax(-1).ToArray<long>(), batch.HostScoredRows, batch.AnswerTargets, batch.Rows, batch.Width);
    }

    /// <summary>
    /// A problem is right when every answer token is the arg-max; the loss is summed over answer tokens.
    /// Logits are computed at the scored positions alone, as in training.
    /// </summary>
    public (int Correct, double LossSum, long Scored) Score(BatchTensors batch, IPrecisionPolicy precision)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(precision);
        Tensor logits;
        using (precision.BeginForward())
        {
            logits = _network.LogitsAt(batch.Ids, batch.Positions, batch.ScoredRows);      // (N, V)
        }
        var scored = logits.To(ScalarType.Float32);
        var lossSum = Functional.CrossEntropy(scored, batch.ScoredTargets, ignoreIndex: BatchTensors.IgnoreIndex, reduction: Reduction.Sum).Item();
        var correct = ExactMatch.CorrectRows(scored.ArgMax(-1).ToArray<long>(), batch.HostScoredRows, batch.AnswerTargets, batch.Rows, batch.Width);
        return (correct, lossSum, batch.LossTokens);
    }

    public virtual IAnswerGenerator AnswerGenerator(Device device, int? recurrences = null)
    {
        if (recurrences is not null)
        {
            throw new ArgumentException("test-time recurrences apply to looped models only; this model is not looped", nameof(recurrences));
        }
        return new ModelAnswerGenerator(_network, device);
    }
}
