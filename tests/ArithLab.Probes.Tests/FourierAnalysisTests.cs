using System.Numerics;
using ArithLab.Models.Fone;
using ArithLab.Probes.Fourier;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Tests;

public class FourierAnalysisTests
{
    [Fact]
    public void Planted_sinusoids_with_noise_are_recovered_as_the_key_frequencies()
    {
        const int N = 113;
        int[] planted = [4, 17, 32];
        var signals = planted.SelectMany(k => new Func<double, double>[] { x => Math.Cos(2 * Math.PI * k * x / N), x => Math.Sin(2 * Math.PI * k * x / N) }).ToArray();
        var rows = Planted.Mix(N, 64, signals, noise: 0.1, seed: 1);

        var spectrum = FourierAnalysis.Analyze(rows);

        Assert.Equal(planted, spectrum.KeyFrequencies(0.9).Order());
        Assert.True(spectrum.TopShare(3) > 0.95, $"top 3 share {spectrum.TopShare(3)}");
        Assert.Equal(113.0 / 17, spectrum.PeriodOf(17), 12);
    }

    [Fact]
    public void The_FFT_equals_a_naive_DFT_of_the_centred_columns()
    {
        var random = new Random(3);
        var rows = Matrix<double>.Build.Dense(37, 5, (_, _) => random.NextDouble() - 0.3);   // 37: a prime length, not a power of two

        var fast = FourierAnalysis.Coefficients(rows);

        for (var c = 0; c < rows.ColumnCount; c++)
        {
            var mean = rows.Column(c).Average();
            for (var k = 0; k < rows.RowCount; k++)
            {
                var naive = Complex.Zero;
                for (var x = 0; x < rows.RowCount; x++)
                {
                    naive += (rows[x, c] - mean) * Complex.Exp(new Complex(0, -2 * Math.PI * k * x / rows.RowCount));
                }
                Assert.Equal(naive.Real, fast[k, c].Real, 9);
                Assert.Equal(naive.Imaginary, fast[k, c].Imaginary, 9);
            }
        }
    }

    [Fact]
    public void Power_splits_the_variance_by_Parseval()
    {
        var random = new Random(4);
        var rows = Matrix<double>.Build.Dense(20, 3, (_, _) => random.NextDouble());
        var variance = Enumerable.Range(0, 3).Sum(c => rows.Column(c).Sum(v => Math.Pow(v - rows.Column(c).Average(), 2)));

        Assert.Equal(20 * variance, FourierAnalysis.Analyze(rows).TotalPower, 9);
    }

    [Fact]
    public void Uncentred_and_norm_shares_follow_Parseval_on_a_worked_example()
    {
        // Columns 3 + cos(2πx/8) and 2·sin(2·2πx/8) over x = 0…7: |X_k|² + |X_(N−k)|² = 2 · (N · amplitude / 2)²,
        // 32 at k = 1 and 128 at k = 2; the constant 3 gives |X_0|² = (8 · 3)² = 576.
        var rows = Matrix<double>.Build.Dense(8, 2, (x, c) => c == 0 ? 3 + Math.Cos(2 * Math.PI * x / 8) : 2 * Math.Sin(2 * 2 * Math.PI * x / 8));

        var spectrum = FourierAnalysis.Analyze(rows);

        Assert.Equal(576, spectrum.MeanPower, 9);
        Assert.Equal([32.0, 128.0, 0, 0], spectrum.Power.Select(p => Math.Round(p, 9)));
        Assert.Equal(0.8, spectrum.TopShare(1), 12);
        Assert.Equal(128.0 / (160 + 576), spectrum.UncentredTopShare(1), 12);
        Assert.Equal(4.0 / 6, spectrum.TopNormShare(1), 12);   // √128 / (√128 + √32)
    }

    [Fact]
    public void A_FoNE_embedding_yields_exactly_its_configured_periods()
    {
        long[] periods = [10, 100];
        const int N = 1000;
        var rows = Matrix<double>.Build.DenseOfRowArrays(Enumerable.Range(0, N).Select(x => FoneEmbedding.Features(x, periods)));

        var spectrum = FourierAnalysis.Analyze(rows);
        var key = spectrum.KeyFrequencies(0.999);

        Assert.Equal([10.0, 100.0], key.Select(spectrum.PeriodOf).Order());
        Assert.Equal(1.0, spectrum.TopShare(2), 9);
    }
}
