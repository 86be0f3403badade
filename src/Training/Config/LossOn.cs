namespace ArithLab.Training.Config;

/// <summary>Which target tokens carry the training loss (`data.loss_on`).</summary>
public enum LossOn
{
    Answer,
    All,
}
