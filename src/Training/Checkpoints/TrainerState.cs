namespace ArithLab.Training.Checkpoints;

/// <summary>
/// The loop's own state in a checkpoint (state.json), beside the weights and optimizer state.
/// Randomness needs no saved generator: every step reseeds libtorch from (seed, step), and the data
/// stream is re-created from its seeds and advanced past <see cref="BatchesDrawn"/> batches.
/// </summary>
public sealed record TrainerState
{
    /// <summary>Optimizer steps completed; training resumes at this 0-based step.</summary>
    public long Step { get; init; }

    public int Seed { get; init; }

    /// <summary>ConfigHash.Of the run's config: a resume under another science hash is refused.</summary>
    public string ScienceHash { get; init; } = "";

    /// <summary>Batches taken from the training stream so far (one per step).</summary>
    public long BatchesDrawn { get; init; }

    /// <summary>How randomness continues after a resume.</summary>
    public string Randomness { get; init; } = "reseeded-per-step";

    /// <summary>Loss scaler state (loss_scale, growth_tracker), empty without loss scaling.</summary>
    public IReadOnlyDictionary<string, double> Precision { get; init; } = new Dictionary<string, double>();

    /// <summary>Wall-clock seconds of training up to this checkpoint, summed over the run and its resumptions.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>
    /// Whether every weight was finite when written (the trainer never checkpoints a NaN); loading
    /// checks the weights again, so a damaged file is refused. Null in checkpoints older than the field.
    /// </summary>
    public bool? WeightsFinite { get; init; }

    /// <summary>The last logged training loss, for listings.</summary>
    public double? LastLoss { get; init; }
}
