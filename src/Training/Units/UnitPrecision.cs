namespace ArithLab.Training.Units;

/// <summary>
/// The number type a unit network stores its values in (`precision.dtype` of a units YAML). The paper trains
/// in PyTorch's float32 (stable-nalu builds its tensors with dtype=torch.float32); the lab's default is float64.
/// </summary>
public enum UnitPrecision
{
    /// <summary>Every value in float64.</summary>
    Float64,

    /// <summary>
    /// float32 storage: inputs, targets, weights, Adam's moments, each layer's outputs and every gradient are
    /// rounded to the nearest float32 where they are stored; the sums inside one dot product or product are
    /// still carried in float64, so this is float32 with a more accurate accumulator, not bit-exact PyTorch.
    /// </summary>
    Float32,
}
