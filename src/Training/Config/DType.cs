namespace ArithLab.Training.Config;

/// <summary>The floating-point type of parameters and activations (`precision.dtype`).</summary>
public enum DType
{
    Float32,
    BFloat16,
    Float16,
}
