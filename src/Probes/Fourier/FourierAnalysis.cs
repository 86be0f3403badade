using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Fourier;

/// <summary>
/// The discrete Fourier transform of a matrix whose rows are indexed by a number's value x = 0…N−1
/// (embeddings, activations, logits), along the value axis, column by column (Nanda et al. 2023;
/// Zhou et al. 2024). Columns are centred first, so the spectrum splits the matrix's variance by
/// frequency: by Parseval, Σₖ |X_k|² = N · Σₓ |h(x) − mean|². Frequency k pairs with N − k (the same
/// real sinusoid cos/sin(2πkx/N)), so power is reported per k = 1…⌊N/2⌋ with period N/k.
/// </summary>
public static class FourierAnalysis
{
    /// <summary>The spectrum of <paramref name="rows"/> (N values × D features).</summary>
    public static FourierSpectrum Analyze(Matrix<double> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.RowCount;
        if (n < 2)
        {
            throw new ArgumentException($"a spectrum needs at least 2 values, got {n}", nameof(rows));
        }
        var coefficients = Coefficients(rows);
        var power = new double[n / 2 + 1];
        for (var c = 0; c < rows.ColumnCount; c++)
        {
            for (var k = 1; k < n; k++)
            {
                power[Math.Min(k, n - k)] += coefficients[k, c].Magnitude * coefficients[k, c].Magnitude;
            }
        }
        var meanPower = Enumerable.Range(0, rows.ColumnCount).Sum(c => Math.Pow(n * rows.Column(c).Average(), 2));   // |X_0|² = (N · mean)²
        return new FourierSpectrum(n, power[1..], meanPower);
    }

    /// <summary>X[k, c] = Σₓ (h[x, c] − mean_c) e^(−2πikx/N), by FFT (MathNet, no scaling: numpy's convention).</summary>
    public static Complex[,] Coefficients(Matrix<double> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.RowCount;
        var result = new Complex[n, rows.ColumnCount];
        var column = new Complex[n];
        for (var c = 0; c < rows.ColumnCount; c++)
        {
            var mean = rows.Column(c).Average();
            for (var x = 0; x < n; x++)
            {
                column[x] = new Complex(rows[x, c] - mean, 0);
            }
            MathNet.Numerics.IntegralTransforms.Fourier.Forward(column, FourierOptions.NoScaling);
            for (var k = 0; k < n; k++)
            {
                result[k, c] = column[k];
            }
        }
        return result;
    }
}
