using ArithLab.Probes.Figures;
using ArithLab.Probes.Fourier;

namespace ArithLab.Cli.Probing;

/// <summary>
/// <c>arithlab probe RUN fourier</c>: the spectrum of a value-indexed matrix (Nanda et al. 2023;
/// Zhou et al. 2024), its key frequencies and the share of variance the strongest explain.
/// </summary>
internal static class FourierProbe
{
    public static IEnumerable<string> Run(ProbeContext x)
    {
        var rows = ValueRows.Of(x, x.Options.Hook);
        var spectrum = FourierAnalysis.Analyze(rows.Matrix);
        var key = spectrum.KeyFrequencies(x.Options.Share);
        yield return x.WriteCsv("spectrum.csv", ["frequency", "period", "power", "share"],
            spectrum.Frequencies.Select(k => new object[] { k, spectrum.PeriodOf(k), spectrum.Power[k - 1], spectrum.ShareOf(k) }));
        yield return x.WriteJson(new
        {
            Source = rows.Source,
            N = spectrum.N,
            ShareAsked = x.Options.Share,
            KeyFrequencies = key,
            KeyPeriods = key.Select(k => Math.Round(spectrum.PeriodOf(k), 3)).ToArray(),
            KeyShare = Math.Round(key.Sum(spectrum.ShareOf), 4),
            TopShares = Enumerable.Range(1, Math.Min(8, spectrum.Power.Count)).Select(k => Math.Round(spectrum.TopShare(k), 4)).ToArray(),
            Top8Share = Math.Round(spectrum.TopShare(8), 4),
            // The same 8 frequencies under two other readings of "share": uncentred, and of norms rather than variance.
            Top8UncentredShare = Math.Round(spectrum.UncentredTopShare(8), 4),
            Top8NormShare = Math.Round(spectrum.TopNormShare(8), 4),
        });
        yield return x.Save(ProbeFigures.Spectrum(spectrum, $"Fourier spectrum: {rows.Source} (top 8: {spectrum.TopShare(8):P0})"), "spectrum.svg");
    }
}
