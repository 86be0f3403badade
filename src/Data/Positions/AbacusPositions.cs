using ArithLab.Data.Sampling;

namespace ArithLab.Data.Positions;

/// <summary>
/// Abacus position ids (McLeish et al. 2024, "Transformers Can Do Arithmetic with the Right
/// Embeddings"; reference: github.com/mcleish7/arithmetic, abacus.py): each run of digits is
/// numbered 1, 2, 3, ... in the order it is written, every other token gets 0. With reversed
/// numbers, 1 is the units digit of every operand and of the answer. During training one offset
/// k (uniform in [0, max_k]) is added to every non-zero id of the whole batch, as the reference
/// does, or of each example (PositionOptions.AbacusOffsetPerExample).
/// </summary>
public static class AbacusPositions
{
    /// <summary>
    /// Writes Abacus ids for tokens described by <paramref name="numbers"/> (FormattedToken.Number)
    /// and <paramref name="significances"/> (FormattedToken.Significance). A run ends where the
    /// Number changes or a non-digit token appears, so two numbers written back to back still
    /// restart at 1.
    /// </summary>
    public static void Assign(ReadOnlySpan<int> numbers, ReadOnlySpan<int> significances, Span<int> ids, int offset)
    {
        if (numbers.Length != significances.Length || ids.Length < numbers.Length)
        {
            throw new ArgumentException($"numbers ({numbers.Length}), significances ({significances.Length}) and ids ({ids.Length}) must describe the same tokens");
        }
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "the Abacus offset must be >= 0");
        }
        var run = 0;
        var previous = -1;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] >= 0 && significances[i] >= 0)
            {
                run = numbers[i] == previous ? run + 1 : 1;
                previous = numbers[i];
                ids[i] = run + offset;
            }
            else
            {
                run = 0;
                previous = -1;
                ids[i] = 0;
            }
        }
    }

    /// <summary>The offset k of a batch or an example: uniform in [0, maxOffset] while training, the evaluation offset (0 unless set) at evaluation.</summary>
    public static int DrawOffset(SeededRandom random, PositionOptions options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        return options.Training ? random.NextInt(0, options.AbacusMaxOffset) : options.AbacusEvalOffset;
    }
}
