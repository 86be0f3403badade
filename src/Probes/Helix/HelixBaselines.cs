using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Helix;

/// <summary>
/// The helix against fits with the same number of parameters per dimension (Kantamneni &amp; Tegmark
/// 2025, §4): the top-m principal components (m = the helix's basis size; the most variance any m
/// directions hold, so an upper bound for a fit of m features), a polynomial of degree m in a, and
/// helices with as many periods drawn at random from [2, N].
/// </summary>
public static class HelixBaselines
{
    public sealed record Row(string Name, int Parameters, double RSquared);

    public static IReadOnlyList<Row> Compare(Matrix<double> rows, IReadOnlyList<double> values, IReadOnlyList<double> periods, int? pcaComponents = null, int randomDraws = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(periods);
        var m = HelixBasis.Dimensions(periods.Count);
        var helix = HelixFit.Fit(rows, values, periods, pcaComponents);
        var target = pcaComponents is { } k ? new Pca(rows).Project(rows, k) : rows;
        var random = new Random(seed);
        var n = values.Max() - values.Min() + 1;
        var randomR2 = Enumerable.Range(0, randomDraws)
            .Select(_ => HelixFit.Fit(rows, values, periods.Select(_ => 2 + random.NextDouble() * (n - 2)).ToArray(), pcaComponents).RSquared)
            .Average();
        return
        [
            new Row($"helix T = {{{string.Join(", ", periods)}}}", m, helix.RSquared),
            new Row($"PCA, top {m}", m, new Pca(target).Share(m)),
            new Row($"polynomial, degree {m}", m, Polynomial(target, values, m)),
            new Row($"random periods (mean of {randomDraws})", m, randomR2),
        ];
    }

    /// <summary>R² of a least-squares fit on 1, x, …, x^degree with x scaled to [−1, 1] (Chebyshev-like conditioning).</summary>
    public static double Polynomial(Matrix<double> target, IReadOnlyList<double> values, int degree)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(values);
        var (lo, hi) = (values.Min(), values.Max());
        var basis = Matrix<double>.Build.Dense(values.Count, degree + 1, (r, c) =>
        {
            var x = hi == lo ? 0 : 2 * (values[r] - lo) / (hi - lo) - 1;
            return Math.Cos(c * Math.Acos(Math.Clamp(x, -1, 1)));   // Chebyshev T_c(x): the same span as x^c, better conditioned
        });
        return HelixFit.RSquaredOf(target, basis * basis.QR().Solve(target));
    }
}
