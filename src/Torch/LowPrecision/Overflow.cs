namespace ArithLab.Torch.LowPrecision;

/// <summary>What a value beyond a format's largest finite magnitude becomes.</summary>
public enum Overflow
{
    /// <summary>±max (the only choice for formats without Inf and NaN: FP6, FP4, INT8).</summary>
    Saturate = 0,

    /// <summary>±Inf where the format has infinities (E5M2, fp16, bf16), else NaN (E4M3), as a non-saturating cast.</summary>
    InfOrNaN = 1,
}
