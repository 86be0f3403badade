namespace ArithLab.Training.Config;

/// <summary>The optimizer (`train.optimizer`).</summary>
public enum OptimizerKind
{
    AdamW,
    Sgd,
}
