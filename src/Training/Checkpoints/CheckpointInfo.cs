namespace ArithLab.Training.Checkpoints;

/// <summary>One complete checkpoint folder: <c>checkpoints/step-000100/</c> with its three files.</summary>
public sealed record CheckpointInfo(long Step, string Path)
{
    public const string ModelFileName = "model.safetensors";
    public const string OptimizerFileName = "optimizer.safetensors";
    public const string StateFileName = "state.json";

    /// <summary>Weights under their state-dict names; metadata holds the model config (see docs/training.md).</summary>
    public string ModelPath => System.IO.Path.Combine(Path, ModelFileName);

    /// <summary>The optimizer's state dict (moments, step counts, group hyperparameters).</summary>
    public string OptimizerPath => System.IO.Path.Combine(Path, OptimizerFileName);

    /// <summary><see cref="TrainerState"/> as JSON.</summary>
    public string StatePath => System.IO.Path.Combine(Path, StateFileName);

    internal bool IsComplete => File.Exists(ModelPath) && File.Exists(OptimizerPath) && File.Exists(StatePath);
}
