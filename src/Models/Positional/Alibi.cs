using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>
/// Attention with linear biases (Press et al. 2022): head h adds −m_h·(i − j) to the score of
/// query i for key j. Slopes form the geometric sequence 2^(−8/n), 2^(−16/n), ... for n heads a
/// power of two; otherwise the n' = 2^⌊log2 n⌋ slopes followed by every other slope of 2n'
/// (the reference implementation's rule). No weights.
/// </summary>
public sealed class Alibi : IScoreBias
{
    public Alibi(int heads) => Slopes = ComputeSlopes(heads);

    public IReadOnlyList<double> Slopes { get; }

    public static double[] ComputeSlopes(int heads)
    {
        static double[] PowerOfTwo(int n)
        {
            var start = Math.Pow(2, -8.0 / n);
            return Enumerable.Range(1, n).Select(i => Math.Pow(start, i)).ToArray();
        }
        var closest = 1 << (int)Math.Floor(Math.Log2(heads));
        if (closest == heads)
        {
            return PowerOfTwo(heads);
        }
        var extra = PowerOfTwo(2 * closest).Where((_, i) => i % 2 == 0).Take(heads - closest);
        return PowerOfTwo(closest).Concat(extra).ToArray();
    }

    /// <summary>The bias values (nh, Tq, Tk) for queries at qStart.. and keys at 0..Tk−1, row-major.</summary>
    public double[] Values(int qStart, int queryLength, int keyLength)
    {
        var heads = Slopes.Count;
        var values = new double[heads * queryLength * keyLength];
        for (var h = 0; h < heads; h++)
            for (var i = 0; i < queryLength; i++)
                for (var j = 0; j < keyLength; j++)
                    values[(h * queryLength + i) * keyLength + j] = -Slopes[h] * (qStart + i - j);
        return values;
    }

    public Tensor Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device)
    {
        using var scope = DisposeScope.Begin();
        var bias = Tensor.From(Values(qStart, queryLength, keyLength), Slopes.Count, queryLength, keyLength);
        return scope.Keep(bias.To(dtype, device));
    }
}
