namespace ArithLab.Torch;

/// <summary>Which form of GELU to compute (PyTorch's <c>approximate</c> argument of <c>gelu</c>).</summary>
public enum GeluApproximation
{
    /// <summary>x·Φ(x) with the exact Gaussian CDF.</summary>
    None = 0,

    /// <summary>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), Hendrycks &amp; Gimpel 2016, used by GPT-2.</summary>
    Tanh = 1,
}
