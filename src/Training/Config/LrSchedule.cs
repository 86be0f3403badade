namespace ArithLab.Training.Config;

/// <summary>The learning-rate schedule after warmup (`train.schedule`).</summary>
public enum LrSchedule
{
    Constant,
    Cosine,
    Linear,
}
