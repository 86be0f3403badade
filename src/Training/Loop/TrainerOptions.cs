namespace ArithLab.Training.Loop;

/// <summary>Settings of one trainer run that are not part of the experiment.</summary>
public sealed record TrainerOptions
{
    /// <summary>Continue from the run's latest checkpoint instead of starting at step 0.</summary>
    public bool Resume { get; init; }

    /// <summary>Held-out problems scored every train.eval_every steps and at the end.</summary>
    public int HeldOutProblems { get; init; } = 500;

    /// <summary>Where progress and messages go; the console when null.</summary>
    public ProgressLine? Progress { get; init; }

    /// <summary>Called after every completed step with (steps completed, loss); tests use it to interrupt a run.</summary>
    public Action<long, double>? AfterStep { get; init; }

    /// <summary>
    /// Computes logits at every position and picks the scored ones, rather than running the last
    /// block's position-wise part at the scored positions alone: the same loss up to float rounding;
    /// tests compare the two.
    /// </summary>
    internal bool FullLogits { get; init; }
}
