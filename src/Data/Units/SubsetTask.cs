using ArithLab.Data.Sampling;

namespace ArithLab.Data.Units;

/// <summary>
/// The "simple function static" task (Madsen &amp; Johansen 2020, section 4.1; AndreasMadsen/stable-nalu
/// `dataset/simple_function_static.py`): x ∈ Rⁿ, a = Σ x[a₀..a₁), b = Σ x[b₀..b₁), t = a ∘ b.
/// Subsets are ⌊subset_ratio·n⌋ wide and overlap by ⌊overlap_ratio·width⌋; b starts where a ends
/// minus the overlap, and the pair starts at one offset drawn per seed, uniform over where it fits.
/// </summary>
public sealed record SubsetTask
{
    public required int InputSize { get; init; }

    public required UnitOperation Operation { get; init; }

    /// <summary>[start, end) of subset a.</summary>
    public required (int Start, int End) A { get; init; }

    /// <summary>[start, end) of subset b.</summary>
    public required (int Start, int End) B { get; init; }

    /// <summary>The paper's layout: widths and overlap from the ratios, offset from the seed.</summary>
    public static SubsetTask FromRatios(int inputSize, double subsetRatio, double overlapRatio, UnitOperation operation, ulong seed)
    {
        var width = (int)Math.Floor(subsetRatio * inputSize);
        var overlap = (int)Math.Floor(overlapRatio * width);
        var used = 2 * width - overlap;
        if (width < 1 || used > inputSize)
        {
            throw new ArgumentException($"subsets of ratio {subsetRatio} and overlap {overlapRatio} do not fit {inputSize} inputs");
        }
        var offset = SeededRandom.Derive(seed, 0x5B5E7).NextInt(inputSize - used + 1);
        return new SubsetTask
        {
            InputSize = inputSize,
            Operation = operation,
            A = (offset, offset + width),
            B = (offset + width - overlap, offset + 2 * width - overlap),
        };
    }

    /// <summary>Explicit subsets, e.g. the introduction's toy t = (x₁ + x₂)(x₁ + x₂ + x₃ + x₄): a = 0..4, b = 0..2.</summary>
    public static SubsetTask Explicit(int inputSize, (int Start, int End) a, (int Start, int End) b, UnitOperation operation)
    {
        foreach (var (s, e) in new[] { a, b })
        {
            if (s < 0 || e > inputSize || s >= e)
            {
                throw new ArgumentException($"subset {s}..{e} is not a non-empty part of 0..{inputSize}");
            }
        }
        return new SubsetTask { InputSize = inputSize, Operation = operation, A = a, B = b };
    }

    /// <summary>The exact solution's first layer, (2, n): row 0 selects a, row 1 selects b.</summary>
    public double[] SelectionWeights()
    {
        var w = new double[2 * InputSize];
        for (var i = A.Start; i < A.End; i++)
        {
            w[i] = 1;
        }
        for (var i = B.Start; i < B.End; i++)
        {
            w[InputSize + i] = 1;
        }
        return w;
    }

    /// <summary>Fills x (batch, n) from the range and t (batch) with the target.</summary>
    public void Fill(Span<double> x, Span<double> t, InputRange range, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(random);
        var batch = t.Length;
        if (x.Length != batch * InputSize)
        {
            throw new ArgumentException($"x holds {x.Length} values, expected {batch}×{InputSize}");
        }
        var unit = random.NextDouble;
        var single = range.Intervals.Count == 1;
        var (lo, hi) = range.Intervals[0];
        for (var r = 0; r < batch; r++)
        {
            var row = x.Slice(r * InputSize, InputSize);
            for (var i = 0; i < row.Length; i++)
            {
                // One interval (the common case) skips the interval pick: same draws as Sample, without the call.
                row[i] = single ? lo + (hi - lo) * random.NextDouble() : range.Sample(unit);
            }
            t[r] = Target(row);
        }
    }

    /// <summary>a ∘ b for one input row.</summary>
    public double Target(ReadOnlySpan<double> row)
    {
        double a = 0, b = 0;
        for (var i = A.Start; i < A.End; i++)
        {
            a += row[i];
        }
        for (var i = B.Start; i < B.End; i++)
        {
            b += row[i];
        }
        return Operation.Apply(a, b);
    }
}
