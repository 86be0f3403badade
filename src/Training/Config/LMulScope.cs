namespace ArithLab.Training.Config;

/// <summary>`precision.lmul_matmuls`: the matmuls L-Mul replaces (Luo &amp; Sun 2024 try both).</summary>
public enum LMulScope
{
    /// <summary>Attention's QKᵀ and attention·V.</summary>
    Attention,

    /// <summary>Those and every linear layer.</summary>
    All,
}
