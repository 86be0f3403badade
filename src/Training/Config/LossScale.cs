namespace ArithLab.Training.Config;

/// <summary>`precision.loss_scale`: `none`, `dynamic`, or a fixed positive number.</summary>
public sealed record LossScale(LossScaleMode Mode, double Factor)
{
    public static LossScale None { get; } = new(LossScaleMode.None, 1);

    public static LossScale Dynamic { get; } = new(LossScaleMode.Dynamic, 1);

    public static LossScale Fixed(double factor)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "a fixed loss scale must be a finite number > 0");
        }
        return new LossScale(LossScaleMode.Fixed, factor);
    }
}
