using ArithLab.Models;
using ArithLab.Models.Hooks;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Loop;

namespace ArithLab.Training.Families;

/// <summary>
/// The <see cref="LoopedTransformer"/> (McLeish et al. 2024): checkpoint tag "looped"; trained with the
/// progressive loss when model.looped.progressive_loss.alpha > 0; answers with any number of passes
/// of its core at test time.
/// </summary>
public sealed class LoopedAdapter(LoopedTransformer model) : CausalModelAdapter(model, model)
{
    public override string CheckpointTag => "looped";

    public override object CheckpointConfig => model.Config;

    public override TransformerConfig Transformer => model.Config.Transformer;

    public override HookRegistry Hooks => model.Hooks;

    public override int? TrainedRecurrences => model.Config.MaxRecurrence;

    /// <summary>
    /// With a progressive loss, the full pass mixed with a randomly truncated one (McLeish et al. 2024);
    /// the predictions are the full pass's logits. Without one, the plain token loss.
    /// </summary>
    public override BatchLoss Loss(BatchTensors batch, LossContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        if (model.Config.Alpha <= 0)
        {
            return base.Loss(batch, context);
        }
        Tensor? full = null;
        var loss = ProgressiveLoss.Compute(model, batch.Ids, batch.Positions, logits =>
        {
            var scored = FlatRows.Select(logits, batch.ScoredRows);                     // (N, V)
            full ??= scored;
            return context.TokenLoss(scored);
        }, new Random(context.StepSeed));
        return new BatchLoss(loss, full!);
    }

    /// <summary>Greedy decoding with <paramref name="recurrences"/> passes of the core, the trained number when null.</summary>
    public override IAnswerGenerator AnswerGenerator(Device device, int? recurrences = null) =>
        new ModelAnswerGenerator(new RecurrentLogits(model, recurrences ?? model.Config.MaxRecurrence), device);
}
