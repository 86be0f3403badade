using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>Draws numbers with an exact number of digits straight into digit buffers.</summary>
public static class NumberSampler
{
    /// <summary>
    /// Writes a uniform number with exactly <paramref name="digits"/> digits: the leading digit is 1-9,
    /// the rest 0-9. One-digit numbers are drawn from 0-9 (zero is a one-digit number), as in McLeish
    /// et al.'s keep_0_for_len_1 option, so single digits cover every value.
    /// </summary>
    public static void Fill(SeededRandom rng, int digits, DigitString into)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(into);
        if (digits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "a number has at least one digit");
        }

        var d = into.Reset(digits);
        if (digits == 1)
        {
            d[0] = (byte)rng.NextInt(10);
            return;
        }

        d[0] = (byte)(1 + rng.NextInt(9));
        var i = 1;

        // 19 digits per 64-bit draw (10^19 < 2^64) keeps long numbers cheap; rejecting draws at or above
        // the largest multiple of 10^19 keeps every chunk exactly uniform.
        const ulong Chunk = 10_000_000_000_000_000_000UL;
        const ulong Limit = ulong.MaxValue - (ulong.MaxValue % Chunk);
        while (i < digits)
        {
            ulong x;
            do
            {
                x = rng.NextUInt64();
            }
            while (x >= Limit);

            x %= Chunk;
            var take = Math.Min(19, digits - i);
            for (var k = 0; k < take; k++)
            {
                d[i++] = (byte)(x % 10);
                x /= 10;
            }
        }
    }

    /// <summary>Writes a uniform number in [0, bound) for a small bound (modular residues).</summary>
    public static void FillBelow(SeededRandom rng, int bound, DigitString into)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(into);
        into.Set(rng.NextInt(bound));
    }
}
