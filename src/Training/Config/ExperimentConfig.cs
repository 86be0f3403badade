namespace ArithLab.Training.Config;

/// <summary>
/// One experiment, as loaded from YAML by <see cref="ConfigLoader"/>. The defaults train a small
/// reversed 3-digit addition model.
/// </summary>
public sealed record ExperimentConfig
{
    public string Name { get; init; } = "quickstart";

    public int Seed { get; init; }

    public string Description { get; init; } = "";

    public TaskConfig Task { get; init; } = new();

    public DataConfig Data { get; init; } = new();

    public ModelConfig Model { get; init; } = new();

    public TrainConfig Train { get; init; } = new();

    public PrecisionConfig Precision { get; init; } = new();

    public EvalConfig Eval { get; init; } = new();

    public RuntimeConfig Runtime { get; init; } = new();

    public static ExperimentConfig Default { get; } = new();
}
