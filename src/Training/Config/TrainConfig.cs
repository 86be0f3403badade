namespace ArithLab.Training.Config;

/// <summary>`train`: optimisation.</summary>
public sealed record TrainConfig
{
    public int Steps { get; init; } = 5000;

    public int BatchSize { get; init; } = 64;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    public double Lr { get; init; } = 1e-3;

    public double MinLr { get; init; } = 1e-4;

    public LrSchedule Schedule { get; init; } = LrSchedule.Cosine;

    public int WarmupSteps { get; init; } = 100;

    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW (beta1, beta2); 0.98 as in nanoGPT for small batches.</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.98);

    public double Eps { get; init; } = 1e-8;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Max global gradient norm; 0 turns clipping off.</summary>
    public double GradClip { get; init; } = 1.0;

    public double LabelSmoothing { get; init; }

    public int EvalEvery { get; init; } = 500;
}
