namespace ArithLab.Probes.Fourier;

/// <summary>
/// Power per frequency k = 1…⌊N/2⌋ of a value-indexed matrix (<see cref="FourierAnalysis"/>), with the
/// share of the (centred) variance each explains and the key frequencies.
/// </summary>
/// <param name="N">Values the rows ran over.</param>
/// <param name="Power">Power[k − 1] = Σ over features of |X_k|² + |X_(N−k)|² (once for k = N/2).</param>
/// <param name="MeanPower">Σ over features of |X_0|² of the uncentred columns (N² · mean²): what centring removes.</param>
public sealed record FourierSpectrum(int N, IReadOnlyList<double> Power, double MeanPower = 0)
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

    /// <summary>
    /// The same frequencies' share of the uncentred sum of squares (Parseval with k = 0 kept): the constant
    /// row counts against them, as when a matrix's Fourier components are plotted without centring.
    /// </summary>
    public double UncentredTopShare(int k) =>
        TotalPower + MeanPower == 0 ? 0 : Ranked.Take(k).Sum(f => Power[f - 1]) / (TotalPower + MeanPower);

    /// <summary>
    /// Share of the summed norms √power held by the <paramref name="k"/> strongest frequencies: the share read off a
    /// plot of each frequency's norm (Nanda et al. 2023, Fig. 3), lower than the variance share for one spectrum.
    /// </summary>
    public double TopNormShare(int k)
    {
        var total = Power.Sum(Math.Sqrt);
        return total == 0 ? 0 : Ranked.Take(k).Sum(f => Math.Sqrt(Power[f - 1])) / total;
    }

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
