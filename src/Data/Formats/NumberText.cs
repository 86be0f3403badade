using System.Numerics;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>Writing numbers as digit tokens with their metadata, and reading digit tokens back.</summary>
internal static class NumberText
{
    /// <summary>
    /// Writes <paramref name="value"/> as one number: most significant digit first, or units first when
    /// <paramref name="reversed"/>; zero-padded to <paramref name="width"/> digits when width &gt; 0.
    /// </summary>
    public static void Write(TokenBuffer buffer, DigitString value, bool reversed = false, int width = 0)
    {
        var number = buffer.StartNumber();
        var n = Math.Max(value.Length, width);
        if (width > 0 && value.Length > width)
        {
            throw new ArgumentException($"a {value.Length}-digit number does not fit the padded width {width}", nameof(width));
        }

        var digits = value.Digits;
        var len = digits.Length;
        for (var k = 0; k < n; k++)
        {
            var s = reversed ? k : n - 1 - k;
            buffer.Add(TokenText.Digit(s < len ? digits[len - 1 - s] : 0), number, s);
        }
    }

    /// <summary>Writes a small integer (a count, a carry) as digit tokens of one number.</summary>
    public static void WriteSmall(TokenBuffer buffer, long value)
    {
        if (value < 0)
        {
            buffer.Add("-");
            value = -value;
        }

        var number = buffer.StartNumber();
        Span<byte> tmp = stackalloc byte[20];
        var n = 0;
        do
        {
            tmp[n++] = (byte)(value % 10);
            value /= 10;
        }
        while (value > 0);

        for (var s = n - 1; s >= 0; s--)
        {
            buffer.Add(TokenText.Digit(tmp[s]), number, s);
        }
    }

    public static bool IsDigit(string token) => token.Length == 1 && token[0] is >= '0' and <= '9';

    /// <summary>Reads digit tokens (most significant first) into a number; null when a token is not a digit.</summary>
    public static BigInteger? Read(IReadOnlyList<string> tokens, int start, int count, bool reversed, out string? error)
    {
        error = null;
        if (count <= 0)
        {
            error = "no digits where the answer should be";
            return null;
        }

        var chars = count <= 512 ? stackalloc char[count] : new char[count];
        for (var k = 0; k < count; k++)
        {
            var t = tokens[start + k];
            if (!IsDigit(t))
            {
                error = $"token '{Printable(t)}' at answer position {k} is not a digit";
                return null;
            }

            chars[reversed ? count - 1 - k : k] = t[0];
        }

        return BigInteger.Parse(chars, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Printable(string token) => token.Replace("\n", "\\n", StringComparison.Ordinal);
}
