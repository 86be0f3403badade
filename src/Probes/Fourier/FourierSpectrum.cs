namespace ArithLab.Probes.Fourier;

/// <summary>
/// Power per frequency k = 1…⌊N/2⌋ of a value-indexed matrix (<see cref="FourierAnalysis"/>), with the
/// share of the (centred) variance each explains and the key frequencies.
/// </summary>
/// <param name="N">Values the rows ran over.</param>
/// <param name="Power">Power[k − 1] = Σ over features of |X_k|² + |X_(N−k)|² (once for k = N/2).</param>
public sealed record FourierSpectrum(int N, IReadOnlyList<double> Power)
{
    public double TotalPower => Power.Sum();

    /// <summary>Frequencies 1…⌊N/2⌋, in the order of <see cref="Power"/>.</summary>
    public IReadOnlyList<int> Frequencies => Enumerable.Range(1, Power.Count).ToArray();

    /// <summary>The period of frequency k in values: N / k.</summary>
    public double PeriodOf(int k) => (double)N / k;

    /// <summary>Share of the variance at frequency k.</summary>
    public double ShareOf(int k) => TotalPower == 0 ? 0 : Power[k - 1] / TotalPower;

    /// <summary>Frequencies by decreasing power.</summary>
    public IReadOnlyList<int> Ranked => Frequencies.OrderByDescending(k => Power[k - 1]).ThenBy(k => k).ToArray();

    /// <summary>Share of the variance explained by the <paramref name="k"/> strongest frequencies.</summary>
    public double TopShare(int k) => Ranked.Take(k).Sum(ShareOf);

    /// <summary>The smallest set of frequencies (strongest first) that explains at least <paramref name="share"/> of the variance.</summary>
    public IReadOnlyList<int> KeyFrequencies(double share)
    {
        if (share is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "a share of the variance in (0, 1]");
        }
        var key = new List<int>();
        var explained = 0.0;
        foreach (var k in Ranked)
        {
            if (explained >= share - 1e-12)
            {
                break;
            }
            key.Add(k);
            explained += ShareOf(k);
        }
        return key;
    }
}
