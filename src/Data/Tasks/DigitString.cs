using System.Numerics;

namespace ArithLab.Data.Tasks;

/// <summary>
/// A non-negative integer held as its decimal digits (values 0-9, most significant first) in a
/// reusable buffer, so that generation and formatting need no BigInteger and no per-digit allocation.
/// </summary>
public sealed class DigitString
{
    private byte[] _digits;

    public DigitString(int capacity = 32)
    {
        _digits = new byte[Math.Max(1, capacity)];
        _digits[0] = 0;
        Length = 1;
    }

    /// <summary>Number of digits written (at least 1; zero is the single digit 0).</summary>
    public int Length { get; private set; }

    /// <summary>The digits, most significant first.</summary>
    public ReadOnlySpan<byte> Digits => _digits.AsSpan(0, Length);

    public bool IsZero => Length == 1 && _digits[0] == 0;

    /// <summary>The digit of place value 10^significance (0 beyond the most significant digit).</summary>
    public int DigitAt(int significance) => significance < Length ? _digits[Length - 1 - significance] : 0;

    /// <summary>Makes room for <paramref name="length"/> digits and returns them for writing, most significant first.</summary>
    public Span<byte> Reset(int length)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "a number has at least one digit");
        }

        if (_digits.Length < length)
        {
            _digits = new byte[Math.Max(length, _digits.Length * 2)];
        }

        Length = length;
        return _digits.AsSpan(0, length);
    }

    public void SetZero() => Reset(1)[0] = 0;

    public void CopyFrom(DigitString other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Digits.CopyTo(Reset(other.Length));
    }

    public void SetDigits(ReadOnlySpan<byte> digits)
    {
        digits.CopyTo(Reset(digits.Length));
        TrimLeadingZeros();
    }

    public void Set(long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a DigitString holds non-negative numbers");
        }

        Span<byte> tmp = stackalloc byte[20];
        var n = 0;
        do
        {
            tmp[n++] = (byte)(value % 10);
            value /= 10;
        }
        while (value > 0);

        var d = Reset(n);
        for (var i = 0; i < n; i++)
        {
            d[i] = tmp[n - 1 - i];
        }
    }

    public void Set(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a DigitString holds non-negative numbers; keep the sign apart");
        }

        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var d = Reset(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            d[i] = (byte)(text[i] - '0');
        }
    }

    public static DigitString From(BigInteger value)
    {
        var s = new DigitString();
        s.Set(value);
        return s;
    }

    public BigInteger ToBigInteger()
    {
        // Small numbers take the cheap path; long ones go through one parse of the text.
        if (Length <= 18)
        {
            long v = 0;
            foreach (var d in Digits)
            {
                v = (v * 10) + d;
            }

            return v;
        }

        return BigInteger.Parse(ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The value as a long; throws when it does not fit.</summary>
    public long ToInt64()
    {
        if (Length > 18)
        {
            throw new OverflowException($"a {Length}-digit number does not fit in a long");
        }

        long v = 0;
        foreach (var d in Digits)
        {
            v = (v * 10) + d;
        }

        return v;
    }

    internal void TrimLeadingZeros()
    {
        var start = 0;
        while (start < Length - 1 && _digits[start] == 0)
        {
            start++;
        }

        if (start > 0)
        {
            Array.Copy(_digits, start, _digits, 0, Length - start);
            Length -= start;
        }
    }

    /// <summary>Compares by value: negative, zero or positive as a &lt;, = or &gt; b.</summary>
    public static int Compare(DigitString a, DigitString b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return a.Digits.SequenceCompareTo(b.Digits);
    }

    public override string ToString()
    {
        return string.Create(Length, this, static (span, self) =>
        {
            var d = self.Digits;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + d[i]);
            }
        });
    }
}
