namespace ArithLab.Data.Batching;

/// <summary>
/// The allocation-free generator behind training at scale: a + b = c with each operand's digit
/// count uniform in [min, max] and its digits uniform (leading digit non-zero unless the operand
/// has one digit), written straight as token ids. The tokens are those of the plain format
/// ("123+45=168") or, with the reverse flags, of reversed operands and/or answer ("321+54=861");
/// tests check it against the formats token for token.
/// </summary>
public sealed class FastAdditionSource : IExampleSource
{
    private readonly int[] _digitIds = new int[10];
    private readonly int _plusId;
    private readonly int _equalsId;
    private readonly int _minDigits;
    private readonly int _maxDigits;
    private readonly bool _reverseOperands;
    private readonly bool _reverseAnswer;
    private readonly byte[] _a;
    private readonly byte[] _b;
    private readonly byte[] _c;

    public FastAdditionSource(Vocabulary vocabulary, int minDigits, int maxDigits, bool reverseOperands = false, bool reverseAnswer = false)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDigits, 1);
        if (maxDigits < minDigits || maxDigits > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDigits), maxDigits, $"maxDigits must be in [{minDigits}, 10000]");
        }
        for (var d = 0; d < 10; d++)
        {
            _digitIds[d] = vocabulary.Id(((char)('0' + d)).ToString());
        }
        _plusId = vocabulary.Id("+");
        _equalsId = vocabulary.Id("=");
        _minDigits = minDigits;
        _maxDigits = maxDigits;
        _reverseOperands = reverseOperands;
        _reverseAnswer = reverseAnswer;
        _a = new byte[maxDigits];
        _b = new byte[maxDigits];
        _c = new byte[maxDigits + 1];
        MaxTokens = 3 * maxDigits + 3;
    }

    public TaskKind Task => TaskKind.Addition;

    public int MaxTokens { get; }

    public int Write(Random random, Span<int> tokenIds, Span<short> numbers, Span<short> significances, out int promptLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (tokenIds.Length < MaxTokens || numbers.Length < MaxTokens || significances.Length < MaxTokens)
        {
            throw new ArgumentException($"buffers must hold {MaxTokens} tokens");
        }
        var fast = random as FastRandom;
        var na = random.Next(_minDigits, _maxDigits + 1);
        var nb = random.Next(_minDigits, _maxDigits + 1);
        Draw(random, fast, _a, na);
        Draw(random, fast, _b, nb);
        // Schoolbook addition, least significant digit first.
        var n = Math.Max(na, nb);
        var carry = 0;
        for (var i = 0; i < n; i++)
        {
            var s = (i < na ? _a[i] : 0) + (i < nb ? _b[i] : 0) + carry;
            carry = s >= 10 ? 1 : 0;
            _c[i] = (byte)(s - 10 * carry);
        }
        var nc = n;
        if (carry == 1)
        {
            _c[nc++] = 1;
        }
        var k = 0;
        k = WriteNumber(_a, na, 0, _reverseOperands, tokenIds, numbers, significances, k);
        tokenIds[k] = _plusId;
        numbers[k] = -1;
        significances[k++] = -1;
        k = WriteNumber(_b, nb, 1, _reverseOperands, tokenIds, numbers, significances, k);
        tokenIds[k] = _equalsId;
        numbers[k] = -1;
        significances[k++] = -1;
        promptLength = k;
        return WriteNumber(_c, nc, 2, _reverseAnswer, tokenIds, numbers, significances, k);
    }

    private int WriteNumber(byte[] digits, int length, short number, bool reversed, Span<int> tokenIds, Span<short> numbers, Span<short> significances, int k)
    {
        var ids = tokenIds.Slice(k, length);
        var ns = numbers.Slice(k, length);
        var ss = significances.Slice(k, length);
        var table = _digitIds;
        ns.Fill(number);
        if (reversed)
        {
            for (var j = 0; j < ids.Length; j++)
            {
                ids[j] = table[digits[j]];
                ss[j] = (short)j;
            }
        }
        else
        {
            for (var j = 0; j < ids.Length; j++)
            {
                var s = ids.Length - 1 - j;
                ids[j] = table[digits[s]];
                ss[j] = (short)s;
            }
        }
        return k + length;
    }

    /// <summary>Fills digits[0..n) least significant first, 12 decimal digits from each 64-bit draw.</summary>
    private static void Draw(Random random, FastRandom? fast, byte[] digits, int n)
    {
        var i = 0;
        while (i < n - 1)
        {
            // Digit j of a uniform 63/64-bit integer is off uniform by at most 10^(j+1) / 2^63, so
            // 12 digits per draw keep every digit within 1.1e-7 of 1/10.
            var bits = fast?.NextUInt64() ?? (ulong)random.NextInt64();
            var take = Math.Min(12, n - 1 - i);
            for (var t = 0; t < take; t++)
            {
                digits[i++] = (byte)(bits % 10);
                bits /= 10;
            }
        }
        // The leading digit is 1-9, except that a 1-digit operand may be 0 (as in both papers' generators).
        digits[n - 1] = n == 1 ? (byte)random.Next(10) : (byte)(1 + random.Next(9));
    }
}
