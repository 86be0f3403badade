using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Helix;

/// <summary>
/// The helix fit of Kantamneni &amp; Tegmark 2025: h(a) ≈ C·B(a) by least squares (<see cref="HelixBasis"/>),
/// optionally on the top-k principal components of h as the paper does (k = 100 there). R² is the
/// share of the fitted space's variance the helix explains.
/// </summary>
public sealed class HelixFit
{
    private readonly Matrix<double> _coefficients;   // (basis, D′)
    private readonly Pca? _pca;
    private readonly double _scale;

    private HelixFit(IReadOnlyList<double> periods, Matrix<double> coefficients, Pca? pca, double scale, double rSquared)
    {
        Periods = periods;
        _coefficients = coefficients;
        _pca = pca;
        _scale = scale;
        RSquared = rSquared;
    }

    public IReadOnlyList<double> Periods { get; }

    /// <summary>1 − SS_residual / SS_total in the fitted space (the PCA space when projected).</summary>
    public double RSquared { get; }

    /// <summary>Fits rows h(values[i]); <paramref name="pcaComponents"/> projects onto that many components first (null: no projection).</summary>
    public static HelixFit Fit(Matrix<double> rows, IReadOnlyList<double> values, IReadOnlyList<double>? periods = null, int? pcaComponents = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(values);
        if (rows.RowCount != values.Count)
        {
            throw new ArgumentException($"{rows.RowCount} rows for {values.Count} values", nameof(values));
        }
        periods ??= HelixBasis.DefaultPeriods;
        var pca = pcaComponents is { } k ? new Pca(rows) : null;
        var target = pca is null ? rows : pca.Project(rows, pcaComponents!.Value);
        var scale = Math.Max(1, values.Max() - values.Min() + 1);
        var basis = HelixBasis.Of(values, periods, scale);
        if (basis.ColumnCount > rows.RowCount)
        {
            throw new ArgumentException($"{basis.ColumnCount} basis functions for {rows.RowCount} values: too few values to fit", nameof(rows));
        }
        var coefficients = basis.QR().Solve(target);
        return new HelixFit(periods, coefficients, pca, scale, RSquaredOf(target, basis * coefficients));
    }

    /// <summary>The fitted helix at these values, in the original activation space (N, D).</summary>
    public Matrix<double> Predict(IReadOnlyList<double> values)
    {
        var fitted = HelixBasis.Of(values, Periods, _scale) * _coefficients;
        return _pca is null ? fitted : _pca.Reconstruct(fitted);
    }

    /// <summary>1 − Σ(y − ŷ)² / Σ(y − ȳ)², over every entry, ȳ per column.</summary>
    public static double RSquaredOf(Matrix<double> actual, Matrix<double> fitted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(fitted);
        var means = actual.ColumnSums() / actual.RowCount;
        double residual = 0, total = 0;
        for (var r = 0; r < actual.RowCount; r++)
        {
            for (var c = 0; c < actual.ColumnCount; c++)
            {
                residual += Math.Pow(actual[r, c] - fitted[r, c], 2);
                total += Math.Pow(actual[r, c] - means[c], 2);
            }
        }
        return total == 0 ? 1 : 1 - residual / total;
    }
}
