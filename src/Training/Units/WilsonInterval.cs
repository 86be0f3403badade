namespace ArithLab.Training.Units;

/// <summary>
/// The Wilson score interval of a binomial proportion (Wilson 1927), as the paper reports success rates:
/// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
/// </summary>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95% interval, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    public static WilsonInterval Of(int successes, int trials, double z = Z95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"need 0 ≤ successes ≤ trials and trials > 0, got {successes} of {trials}");
        }
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var center = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
