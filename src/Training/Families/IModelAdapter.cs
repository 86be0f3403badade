using ArithLab.Models;
using ArithLab.Models.Hooks;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Families;

/// <summary>
/// What the trainer, the evaluator and the command line need of one model family, so that none of
/// them asks which kind of network it holds: the batch loss and how many rows it got right, the
/// held-out score, the answer generator, the hook points, and the tag and config a checkpoint
/// records. One adapter wraps one network; <see cref="ModelAdapters"/> (the composition root) makes it.
/// </summary>
public interface IModelAdapter
{
    /// <summary>The network: its parameters, state dict and train/eval mode.</summary>
    Module Model { get; }

    /// <summary>The checkpoint's <c>arithlab_model</c> metadata: "transformer", "looped" or "fone".</summary>
    string CheckpointTag { get; }

    /// <summary>The model config a checkpoint records as JSON (the field names of ArithLab.Models).</summary>
    object CheckpointConfig { get; }

    /// <summary>The shape of the transformer inside (for a looped model, its block shape): position tables, widths; null when there is none (an arithmetic unit).</summary>
    TransformerConfig? Transformer { get; }

    /// <summary>The named hook points of the network (TransformerLens names); null when it has none.</summary>
    HookRegistry? Hooks { get; }

    /// <summary>Passes of the recurrent core it was trained with; null when the family has no core to repeat.</summary>
    int? TrainedRecurrences { get; }

    /// <summary>The plain transformer the probes read (logits, hooks, token embedding), or null when the family has none.</summary>
    Transformer? ProbeTarget { get; }

    /// <summary>
    /// The training loss of one batch (or shard), with the tensor its correct rows are read from. Runs
    /// inside the caller's dispose scope and precision region.
    /// </summary>
    BatchLoss Loss(BatchTensors batch, LossContext context);

    /// <summary>Rows of <paramref name="batch"/> answered right, read from <see cref="BatchLoss.Predictions"/> (or a held-out pass's).</summary>
    int CorrectRows(BatchTensors batch, Tensor predictions);

    /// <summary>
    /// The held-out check of one batch in eval mode without gradients: rows right, the summed loss
    /// and the number of loss terms it sums.
    /// </summary>
    (int Correct, double LossSum, long Scored) Score(BatchTensors batch, IPrecisionPolicy precision);

    /// <summary>
    /// Answers to evaluation prompts; <paramref name="recurrences"/> sets a looped core's test-time
    /// passes (an <see cref="ArgumentException"/> for a family without one).
    /// </summary>
    IAnswerGenerator AnswerGenerator(Device device, int? recurrences = null);
}
