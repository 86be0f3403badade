namespace ArithLab.Torch;

/// <summary>How a loss reduces its per-element values. The values are at::Reduction's.</summary>
public enum Reduction
{
    /// <summary>One loss per element (or per sample for cross-entropy).</summary>
    None = 0,

    /// <summary>The mean; for cross-entropy over non-ignored targets (weighted by class weights).</summary>
    Mean = 1,

    Sum = 2,
}
