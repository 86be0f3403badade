namespace ArithLab.Torch;

/// <summary>How <see cref="Tensor.Div(Tensor, Tensor, RoundingMode)"/> rounds (PyTorch's <c>rounding_mode</c>).</summary>
public enum RoundingMode
{
    /// <summary>True division: no rounding, integer inputs give a floating result.</summary>
    None = 0,

    /// <summary>Round toward zero, as C's integer division: −7 / 2 = −3.</summary>
    Trunc = 1,

    /// <summary>Round down, as Python's <c>//</c>: −7 // 2 = −4. Keeps integer dtypes.</summary>
    Floor = 2,
}
