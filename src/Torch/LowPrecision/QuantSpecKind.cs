namespace ArithLab.Torch.LowPrecision;

/// <summary>What a <see cref="QuantSpec"/> does (native/src/lowp_autograd.cpp's spec kinds).</summary>
public enum QuantSpecKind
{
    /// <summary>The identity.</summary>
    None = 0,

    /// <summary>An element format under one per-tensor scale.</summary>
    Tensor = 1,

    /// <summary>OCP MX blocks with E8M0 scales.</summary>
    Mx = 2,

    /// <summary>NVFP4 blocks with E4M3 scales under a float32 tensor scale.</summary>
    Nvfp4 = 3,
}
