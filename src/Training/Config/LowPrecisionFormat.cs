namespace ArithLab.Training.Config;

/// <summary>
/// A simulated low-precision number format applied on top of <see cref="DType"/> (`precision.format`).
/// </summary>
/// <remarks>
/// The seam for formats the lab does not have yet. To add one (fp8 e4m3/e5m2, MX block formats,
/// fp4, logarithmic multiplication): add a member here, its YAML name in the enum kind of
/// `precision.format` in <see cref="ConfigKeys"/>, any parameters as keys under `precision.`
/// with their own checks in <see cref="ConfigValidator"/>, and the policy in the trainer.
/// </remarks>
public enum LowPrecisionFormat
{
    None,
}
