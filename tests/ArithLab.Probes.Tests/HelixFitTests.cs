using ArithLab.Probes.Fourier;
using ArithLab.Probes.Helix;

namespace ArithLab.Probes.Tests;

public class HelixFitTests
{
    private static readonly double[] s_values = Enumerable.Range(0, 100).Select(x => (double)x).ToArray();

    private static Func<double, double>[] Helix(IEnumerable<double> periods) =>
        periods.SelectMany(t => new Func<double, double>[] { a => Math.Cos(2 * Math.PI * a / t), a => Math.Sin(2 * Math.PI * a / t) })
            .Prepend(a => a / 100).ToArray();

    [Fact]
    public void A_planted_helix_with_noise_yields_its_periods_and_R2_near_1()
    {
        var rows = Planted.Mix(100, 48, Helix([2, 5, 10, 100]), noise: 0.05, seed: 2);

        var spectrum = FourierAnalysis.Analyze(rows);
        // A linear term leaks into every frequency; the four periods still stand out.
        var periods = spectrum.Ranked.Take(4).Select(spectrum.PeriodOf).Order().ToArray();
        var fit = HelixFit.Fit(rows, s_values, periods);

        Assert.Equal([2.0, 5.0, 10.0, 100.0], periods);
        Assert.True(fit.RSquared > 0.97, $"R² {fit.RSquared}");
    }

    [Fact]
    public void A_planted_helix_fitted_in_its_PCA_space_keeps_R2_near_1_and_predicts_the_rows()
    {
        var rows = Planted.Mix(100, 48, Helix([2, 5, 10, 100]), noise: 0.0, seed: 5);

        var fit = HelixFit.Fit(rows, s_values, [2, 5, 10, 100], pcaComponents: 9);

        Assert.True(fit.RSquared > 0.999, $"R² {fit.RSquared}");
        Assert.True((fit.Predict(s_values) - rows).FrobeniusNorm() / rows.FrobeniusNorm() < 1e-6);
    }

    [Fact]
    public void A_non_helical_structure_does_not_fit_a_helix()
    {
        var random = new Random(7);
        var bumps = Enumerable.Range(0, 9).Select(_ => (Centre: random.NextDouble() * 100, Width: 2 + 4 * random.NextDouble()))
            .Select(b => (Func<double, double>)(a => Math.Exp(-Math.Pow((a - b.Centre) / b.Width, 2)))).ToArray();
        var rows = Planted.Mix(100, 48, bumps, noise: 0.05, seed: 3);

        var fit = HelixFit.Fit(rows, s_values, HelixBasis.DefaultPeriods);

        Assert.True(fit.RSquared < 0.4, $"R² {fit.RSquared}");
    }

    [Fact]
    public void On_a_planted_helix_the_helix_beats_its_same_size_baselines_but_PCA()
    {
        var rows = Planted.Mix(100, 48, Helix([2, 5, 10, 100]), noise: 0.05, seed: 2);

        var table = HelixBaselines.Compare(rows, s_values, [2, 5, 10, 100]);

        Assert.Equal(4, table.Count);
        Assert.All(table, r => Assert.Equal(9, r.Parameters));
        var helix = table[0].RSquared;
        Assert.True(table[1].RSquared >= helix - 1e-9, "PCA with as many components bounds any fit of that many features");
        Assert.True(table[2].RSquared < helix - 0.3, $"polynomial {table[2].RSquared} vs helix {helix}");
        Assert.True(table[3].RSquared < helix - 0.3, $"random periods {table[3].RSquared} vs helix {helix}");
    }
}
