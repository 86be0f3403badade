using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Helix;

/// <summary>
/// Kantamneni &amp; Tegmark 2025, eq. 1: B(a) = [a, cos(2πa/T₁), sin(2πa/T₁), …, cos(2πa/T_k), sin(2πa/T_k)],
/// here with a leading 1 (the fit's intercept, the mean activation) and a scaled by 1/N so that the
/// columns have comparable size for the least-squares solve.
/// </summary>
public static class HelixBasis
{
    /// <summary>The paper's default periods.</summary>
    public static IReadOnlyList<double> DefaultPeriods { get; } = [2, 5, 10, 100];

    /// <summary>Rows B(a) for each value; <paramref name="scale"/> is the N the linear term is divided by.</summary>
    public static Matrix<double> Of(IReadOnlyList<double> values, IReadOnlyList<double> periods, double scale)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Any(t => t <= 0))
        {
            throw new ArgumentException("periods must be positive", nameof(periods));
        }
        return Matrix<double>.Build.Dense(values.Count, 2 + 2 * periods.Count, (r, c) =>
        {
            var a = values[r];
            if (c == 0) return 1;
            if (c == 1) return a / scale;
            var t = periods[(c - 2) / 2];
            var angle = 2 * Math.PI * a / t;
            return (c - 2) % 2 == 0 ? Math.Cos(angle) : Math.Sin(angle);
        });
    }

    /// <summary>Parameters per output dimension of a helix with these periods: the linear term and a cos/sin pair each.</summary>
    public static int Dimensions(int periods) => 1 + 2 * periods;
}
