namespace ArithLab.Torch.LowPrecision;

/// <summary>What the all-ones exponent field of a format means.</summary>
public enum FormatKind
{
    /// <summary>Infinities (mantissa 0) and NaNs (otherwise), as IEEE 754: E5M2, fp16, bf16.</summary>
    Ieee = 0,

    /// <summary>Finite numbers, except S.1111.111 which is NaN; no infinities (OCP FP8 E4M3, <c>float8_e4m3fn</c>).</summary>
    FiniteAndNaN = 1,

    /// <summary>Every code a finite number, no Inf or NaN (OCP MX FP6 E3M2/E2M3, FP4 E2M1).</summary>
    Finite = 2,

    /// <summary>An 8-bit two's complement integer with <c>MantissaBits</c> fraction bits (OCP MX INT8, scale 2^-6).</summary>
    Integer = 3,
}
