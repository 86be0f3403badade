namespace ArithLab.Data.Tasks;

/// <summary>
/// Schoolbook arithmetic on <see cref="DigitString"/>s, so the hot generation path never builds a
/// BigInteger. Results are checked against BigInteger in the tests.
/// </summary>
public static class DigitArithmetic
{
    /// <summary>result = a + b. <paramref name="result"/> may not be a or b.</summary>
    public static void Add(DigitString a, DigitString b, DigitString result)
    {
        Guard(a, b, result);
        var n = Math.Max(a.Length, b.Length) + 1;
        var r = result.Reset(n);
        ReadOnlySpan<byte> x = a.Digits, y = b.Digits;
        int i = x.Length - 1, j = y.Length - 1, carry = 0;
        for (var k = n - 1; k >= 0; k--, i--, j--)
        {
            var v = (i >= 0 ? x[i] : 0) + (j >= 0 ? y[j] : 0) + carry;
            carry = v >= 10 ? 1 : 0;
            r[k] = (byte)(v - (carry * 10));
        }

        result.TrimLeadingZeros();
    }

    /// <summary>result = a - b, for a ≥ b. <paramref name="result"/> may not be a or b.</summary>
    public static void Subtract(DigitString a, DigitString b, DigitString result)
    {
        Guard(a, b, result);
        if (DigitString.Compare(a, b) < 0)
        {
            throw new ArgumentException($"Subtract needs a ≥ b (a has {a.Length} digits, b has {b.Length})", nameof(b));
        }

        var n = a.Length;
        var r = result.Reset(n);
        var borrow = 0;
        for (var s = 0; s < n; s++)
        {
            var v = a.DigitAt(s) - b.DigitAt(s) - borrow;
            borrow = v < 0 ? 1 : 0;
            r[n - 1 - s] = (byte)(v + (borrow * 10));
        }

        result.TrimLeadingZeros();
    }

    /// <summary>result = a × b (schoolbook, O(len a · len b)). <paramref name="result"/> may not be a or b.</summary>
    public static void Multiply(DigitString a, DigitString b, DigitString result)
    {
        Guard(a, b, result);
        var n = a.Length + b.Length;
        var acc = n <= 256 ? stackalloc int[n] : new int[n];
        acc.Clear();
        for (var i = 0; i < a.Length; i++)
        {
            var da = a.DigitAt(i);
            if (da == 0)
            {
                continue;
            }

            for (var j = 0; j < b.Length; j++)
            {
                acc[i + j] += da * b.DigitAt(j);
            }

            // Normalise every few rows so the int accumulators cannot overflow on 1,000-digit inputs.
            if ((i & 63) == 63)
            {
                Normalise(acc);
            }
        }

        Normalise(acc);
        var r = result.Reset(n);
        for (var s = 0; s < n; s++)
        {
            r[n - 1 - s] = (byte)acc[s];
        }

        result.TrimLeadingZeros();
    }

    /// <summary>a mod m for a small modulus.</summary>
    public static int Mod(DigitString a, int m)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (m <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, "the modulus must be positive");
        }

        long r = 0;
        foreach (var d in a.Digits)
        {
            r = ((r * 10) + d) % m;
        }

        return (int)r;
    }

    private static void Normalise(Span<int> acc)
    {
        var carry = 0;
        for (var s = 0; s < acc.Length; s++)
        {
            var v = acc[s] + carry;
            carry = v / 10;
            acc[s] = v % 10;
        }
    }

    private static void Guard(DigitString a, DigitString b, DigitString result)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (ReferenceEquals(result, a) || ReferenceEquals(result, b))
        {
            throw new ArgumentException("the result must be a different DigitString from the operands", nameof(result));
        }
    }
}
