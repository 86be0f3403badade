using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>
/// The operand-length tuples a <see cref="ProblemSampler"/> draws, each equally likely ("bucket"
/// lengths, McLeish et al. 2024): every operand's length is uniform over its own range, independently.
/// Operand b may have a range of its own, so N×M multiplication trains a on 1..N and b on 1..M digits
/// (Cho et al. 2024's N×2 task); every other operand shares a's range. Non-negative subtraction keeps
/// only pairs with len a ≥ len b, still equally likely. With <see cref="LengthDistribution.Values"/>
/// each operand's length is drawn in proportion to how many numbers have it instead, so that the
/// operand is uniform over every number of its range's lengths.
/// </summary>
internal sealed class LengthBuckets
{
    private readonly LengthRange _a;
    private readonly LengthRange _b;
    private readonly bool _aAtLeastB;
    private readonly bool _byValue;

    public LengthBuckets(TaskSpec task, LengthRange a, LengthRange b, LengthDistribution distribution = LengthDistribution.Buckets)
    {
        _a = a;
        _b = b;
        _aAtLeastB = task.KeepsAAtLeastB;
        _byValue = distribution == LengthDistribution.Values;
    }

    /// <summary>Writes one length per operand. Equal ranges for a and b draw exactly what one shared range draws.</summary>
    public void Draw(SeededRandom rng, Span<int> lengths)
    {
        if (_aAtLeastB)
        {
            // Rejection keeps the pairs with len a ≥ len b equally likely (swapping would double the off-diagonal).
            do
            {
                lengths[0] = Length(rng, _a);
                lengths[1] = Length(rng, _b);
            }
            while (lengths[0] < lengths[1]);
            return;
        }

        // One draw per operand in operand order, so a stream does not shift when b gets its own range.
        for (var i = 0; i < lengths.Length; i++)
        {
            var range = i == 1 ? _b : _a;
            lengths[i] = Length(rng, range);
        }
    }

    private int Length(SeededRandom rng, LengthRange range) => _byValue ? LengthOfUniformValue(rng, range) : rng.NextInt(range.Min, range.Max);

    /// <summary>
    /// The length of a number drawn uniformly from all numbers of <paramref name="range"/>'s lengths:
    /// l digits with probability count(l) / Σ count, count(1) = 10 (0 included), count(l) = 9·10^(l−1).
    /// Counted relative to the longest length, as 10^(l − max) · 0.9 (1 digit: 10^(1 − max)), so that
    /// long ranges stay in double range; lengths more than 300 digits below the longest have weight 0.
    /// </summary>
    private static int LengthOfUniformValue(SeededRandom rng, LengthRange range)
    {
        static double Weight(int length, int max) => (length == 1 ? 1.0 : 0.9) * Math.Pow(10, length - max);
        var total = 0.0;
        for (var l = range.Min; l <= range.Max; l++) total += Weight(l, range.Max);
        var u = rng.NextDouble() * total;
        for (var l = range.Max; l > range.Min; l--)
        {
            // From the longest down: the heaviest weights first.
            u -= Weight(l, range.Max);
            if (u < 0) return l;
        }
        return range.Min;
    }
}
