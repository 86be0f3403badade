namespace ArithLab.Training.Config;

/// <summary>How the float16 loss is scaled before backward (`precision.loss_scale`).</summary>
public enum LossScaleMode
{
    None,
    /// <summary>Grow after `growth_interval` clean steps, halve and skip the step on overflow.</summary>
    Dynamic,
    /// <summary>A constant factor given as a number.</summary>
    Fixed,
}
