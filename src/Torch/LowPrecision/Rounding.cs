namespace ArithLab.Torch.LowPrecision;

/// <summary>How a value between two grid points of a format is rounded.</summary>
public enum Rounding
{
    /// <summary>To the nearest grid point, ties to the one with an even code (IEEE 754's default).</summary>
    NearestEven = 0,

    /// <summary>Toward zero (truncation); a finite value past max becomes max (IEEE 754 §7.4).</summary>
    TowardZero = 1,

    /// <summary>
    /// Up with probability (distance from the lower grid point) / (gap between the two), so the
    /// mean over draws is the input. Reproducible: element i's draw depends only on (seed, i).
    /// </summary>
    Stochastic = 2,

    /// <summary>To the nearest grid point, ties away from zero.</summary>
    NearestAway = 3,
}
