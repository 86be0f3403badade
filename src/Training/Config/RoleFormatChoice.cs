namespace ArithLab.Training.Config;

/// <summary>What a <see cref="RoleFormat"/> says.</summary>
public enum RoleFormatChoice
{
    /// <summary>The recipe's default for the role.</summary>
    Auto,

    /// <summary>float32: the role is not quantized.</summary>
    None,

    /// <summary>A number format.</summary>
    Format,

    /// <summary>L-Mul products (attention's matmuls).</summary>
    LMul,
}
