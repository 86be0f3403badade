namespace ArithLab.Data.Sampling;

/// <summary>How a <see cref="ProblemSampler"/> draws each operand's length.</summary>
public enum LengthDistribution
{
    /// <summary>
    /// Every length in the range equally likely, then a number of exactly that many digits
    /// ("bucket" lengths, McLeish et al. 2024; Cho et al. 2024): short problems are as common as long ones.
    /// </summary>
    Buckets,

    /// <summary>
    /// Each operand uniform over all numbers of the range's lengths, e.g. [0, 1000) for 1–3 digits
    /// (Lee et al. 2023's test set, and the bulk of their training sets): a length comes up in
    /// proportion to how many numbers have it (10 of one digit, counting 0; 9·10^(l−1) of l > 1
    /// digits), so 1, 2 and 3 digits are drawn 1% : 9% : 90% of the time.
    /// </summary>
    Values,
}
