using System.Globalization;

namespace ArithLab.Data.Units;

/// <summary>
/// Where inputs are drawn from: U[lo, hi], or a union of such intervals from which each element picks
/// one interval with equal probability, then a uniform value in it (the paper's U[−6, −2] ∪ U[2, 6]).
/// Written <c>1..2</c>, a union <c>-6..-2 | 2..6</c>.
/// </summary>
public sealed record InputRange
{
    private InputRange(IReadOnlyList<(double Lo, double Hi)> intervals)
    {
        Intervals = intervals;
    }

    public IReadOnlyList<(double Lo, double Hi)> Intervals { get; }

    public static InputRange Uniform(double lo, double hi)
    {
        if (!(lo < hi) || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw new ArgumentException($"an input range needs finite lo < hi, got {lo}..{hi}");
        }
        return new InputRange([(lo, hi)]);
    }

    public static InputRange Union(params InputRange[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new InputRange(parts.SelectMany(p => p.Intervals).ToList());
    }

    /// <summary>Parses <c>lo..hi</c> or <c>lo..hi | lo..hi | …</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static InputRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        var intervals = new List<(double, double)>();
        foreach (var part in parts)
        {
            var ends = part.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !double.TryParse(ends[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                || !double.TryParse(ends[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi))
            {
                throw new FormatException($"expected lo..hi or a union lo..hi | lo..hi, got '{text}'");
            }
            if (!(lo < hi))
            {
                throw new FormatException($"an interval needs lo < hi, got '{part}'");
            }
            intervals.Add((lo, hi));
        }
        return new InputRange(intervals);
    }

    /// <summary>One draw: a fair pick of the interval (when there are several), then uniform in it.</summary>
    public double Sample(Func<double> unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var (lo, hi) = Intervals.Count == 1 ? Intervals[0] : Intervals[(int)Math.Min(Intervals.Count - 1, unit() * Intervals.Count)];
        return lo + (hi - lo) * unit();
    }

    public override string ToString() => string.Join(" | ", Intervals.Select(i =>
        $"{i.Lo.ToString("R", CultureInfo.InvariantCulture)}..{i.Hi.ToString("R", CultureInfo.InvariantCulture)}"));
}
