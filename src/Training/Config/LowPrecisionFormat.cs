namespace ArithLab.Training.Config;

/// <summary>
/// A low-precision training recipe (`precision.format`): which number format each tensor role of
/// the matmuls gets, emulated on float32 master weights with float32 accumulation. Each recipe's
/// defaults are in <see cref="Precision.PrecisionRecipe"/>; the per-role keys override them.
/// </summary>
public enum LowPrecisionFormat
{
    /// <summary>No emulated format: precision.dtype alone.</summary>
    None,

    /// <summary>Hybrid FP8 (E4M3 forward, E5M2 gradients) with per-tensor current scaling.</summary>
    Fp8Current,

    /// <summary>Hybrid FP8 with delayed scaling from an amax history (Transformer Engine's DelayedScaling).</summary>
    Fp8Delayed,

    /// <summary>OCP MXFP8: E4M3 forward, E5M2 gradients, blocks of 32 along the reduction dimension.</summary>
    Mxfp8,

    /// <summary>OCP MXFP6 E3M2 forward and backward.</summary>
    Mxfp6,

    /// <summary>OCP MXFP4 weights and activations, MXFP8 E5M2 gradients.</summary>
    Mxfp4,

    /// <summary>NVFP4 forward and backward, gradients rounded stochastically.</summary>
    Nvfp4,

    /// <summary>L-Mul (Luo &amp; Sun 2024) on attention's two matmuls, or on every matmul.</summary>
    LMul,

    /// <summary>Every role as its own key says; nothing by default.</summary>
    Custom,
}
