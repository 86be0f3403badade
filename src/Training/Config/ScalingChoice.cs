namespace ArithLab.Training.Config;

/// <summary>`precision.scaling`: how a per-tensor format's scale is chosen.</summary>
public enum ScalingChoice
{
    /// <summary>The recipe's: delayed under fp8-delayed, current otherwise.</summary>
    Auto,

    /// <summary>From this tensor's own amax (Transformer Engine's Float8CurrentScaling).</summary>
    Current,

    /// <summary>From the amax history of earlier steps (Transformer Engine's DelayedScaling).</summary>
    Delayed,
}
