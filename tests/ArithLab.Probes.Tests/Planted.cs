using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Tests;

/// <summary>Matrices with known structure: rows indexed by a value, features mixing planted signals with noise.</summary>
internal static class Planted
{
    /// <summary>N × D rows: random linear mixtures of <paramref name="signals"/>(x), plus Gaussian noise of <paramref name="noise"/>.</summary>
    public static Matrix<double> Mix(int n, int d, IReadOnlyList<Func<double, double>> signals, double noise, int seed)
    {
        var random = new Random(seed);
        var mixing = Matrix<double>.Build.Dense(signals.Count, d, (_, _) => Gaussian(random));
        var clean = Matrix<double>.Build.Dense(n, signals.Count, (x, s) => signals[s](x));
        return clean * mixing + Matrix<double>.Build.Dense(n, d, (_, _) => noise * Gaussian(random));
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
