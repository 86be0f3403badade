using ArithLab.Data.Tokenization;
using ArithLab.Models;
using ArithLab.Models.Fone;
using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Families;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Fone;

/// <summary>
/// A <see cref="FoneTransformer"/> (Zhou et al. 2025): checkpoint tag "fone" with its transformer's
/// config; the loss adds the digit head's to the token loss; a row is right when the head reads every
/// digit of its answer number; answers come from the head in one pass (<see cref="FoneAnswerGenerator"/>).
/// </summary>
public sealed class FoneAdapter : IModelAdapter
{
    private readonly FoneTransformer _model;
    private readonly CharTokenizer? _tokenizer;

    /// <param name="tokenizer">The training vocabulary, which answers are written in; without it the adapter trains and scores but cannot answer.</param>
    public FoneAdapter(FoneTransformer model, CharTokenizer? tokenizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _tokenizer = tokenizer;
    }

    public Module Model => _model;

    public string CheckpointTag => "fone";

    public object CheckpointConfig => _model.Transformer.Config;

    public TransformerConfig Transformer => _model.Transformer.Config;

    public HookRegistry Hooks => _model.Transformer.Hooks;

    public int? TrainedRecurrences => null;

    // The probes feed token ids alone; a FoNE transformer also needs each number's value.
    public Transformer? ProbeTarget => null;

    public BatchLoss Loss(BatchTensors batch, LossContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (tokenLogits, digitLogits, digitLoss) = FonePass.Forward(_model, batch);
        return new BatchLoss(context.TokenLoss(tokenLogits) + digitLoss, digitLogits);
    }

    public int CorrectRows(BatchTensors batch, Tensor predictions)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(predictions);
        return Fone(batch).CorrectRows(predictions.Detach().ArgMax(-1).ToArray<long>(), batch.Rows);
    }

    /// <summary>
    /// A problem is right when the digit head reads every digit of its answer from the hidden state
    /// before the answer's [NUM] token (one pass, no decoding); the loss is the head's per number.
    /// </summary>
    public (int Correct, double LossSum, long Scored) Score(BatchTensors batch, IPrecisionPolicy precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        Tensor digitLogits, digitLoss;
        using (precision.BeginForward())
        {
            (_, digitLogits, digitLoss) = FonePass.Forward(_model, batch);
        }
        var f = Fone(batch);
        var correct = f.CorrectRows(digitLogits.ArgMax(-1).ToArray<long>(), batch.Rows);
        return (correct, digitLoss.To(ScalarType.Float32).Item() * f.Count, f.Count);
    }

    public IAnswerGenerator AnswerGenerator(Device device, int? recurrences = null)
    {
        if (recurrences is not null)
        {
            throw new ArgumentException("test-time recurrences apply to looped models only; this model is not looped", nameof(recurrences));
        }
        return _tokenizer is null
            ? throw new NotSupportedException("this is a FoNE model, which reads answers from its digit head rather than generating tokens; use a FoneAnswerGenerator")
            : new FoneAnswerGenerator(_model, _tokenizer, device);
    }

    private static FoneTensors Fone(BatchTensors batch) =>
        batch.Fone ?? throw new InvalidOperationException("a FoNE model needs FoNE batches (BatchOptions.FoneDigits)");
}
