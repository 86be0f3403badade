namespace ArithLab.Training.Runs;

/// <summary>
/// One metrics line. <see cref="Loss"/> and <see cref="TrainExactMatch"/> are of the step's own batch
/// (exact match: every answer token's arg-max right, from the logits the loss used);
/// <see cref="LossAverage"/> averages the steps since the previous line. The held-out fields are set
/// on evaluation steps only.
/// </summary>
public sealed record StepMetrics
{
    /// <summary>Optimizer steps completed (1-based: the first line after one step says 1).</summary>
    public long Step { get; init; }

    public double Loss { get; init; }

    public double LossAverage { get; init; }

    public double TrainExactMatch { get; init; }

    public double LearningRate { get; init; }

    /// <summary>Global gradient norm before clipping (after unscaling).</summary>
    public double GradNorm { get; init; }

    /// <summary>Tokens (BOS to EOS, no padding) per second over the steps since the previous line.</summary>
    public double TokensPerSecond { get; init; }

    public double StepsPerSecond { get; init; }

    public double LossScale { get; init; } = 1;

    /// <summary>Steps skipped since the previous line because of non-finite gradients (loss scaling).</summary>
    public int SkippedSteps { get; init; }

    public double ElapsedSeconds { get; init; }

    public double? HeldOutExactMatch { get; init; }

    public double? HeldOutLoss { get; init; }

    /// <summary>Column names, in file order (CSV header, JSON keys).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "step", "loss", "loss_avg", "train_exact_match", "lr", "grad_norm", "tokens_per_s", "steps_per_s",
        "loss_scale", "skipped_steps", "elapsed_s", "held_out_exact_match", "held_out_loss",
    ];

    /// <summary>The values in <see cref="Columns"/> order; null where a field is absent.</summary>
    public IReadOnlyList<double?> Values() =>
    [
        Step, Loss, LossAverage, TrainExactMatch, LearningRate, GradNorm, TokensPerSecond, StepsPerSecond,
        LossScale, SkippedSteps, ElapsedSeconds, HeldOutExactMatch, HeldOutLoss,
    ];
}
