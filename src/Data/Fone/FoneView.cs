using System.Numerics;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Fone;

/// <summary>
/// The FoNE view of an example (Zhou et al. 2025, "FoNE: Precise Single-Token Number Embeddings
/// via Fourier Features"; reference: github.com/KevinZhoutianyi/FoNE): every run of digit tokens
/// of one number becomes a single [NUM] token that carries the number's value, so the model
/// embeds the number from its value (cos/sin of 2πx/T for periods T = 10, 100, ...) and decodes
/// each digit of an answer number from one hidden state.
/// </summary>
public static class FoneView
{
    /// <summary>
    /// Replaces each run of digits (consecutive tokens with the same Number) by one [NUM] token
    /// with that Number, Significance −1 and Value = Σ digit·10^significance; other tokens are kept.
    /// </summary>
    public static FormattedExample Collapse(FormattedExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example with { Prompt = CollapseTokens(example.Prompt), Target = CollapseTokens(example.Target) };
    }

    /// <summary>
    /// The digits of a non-negative value, least significant first, into <paramref name="digits"/>
    /// (zeros above the number's length): the per-digit classes FoNE's decoding head predicts,
    /// digit j being ⌊x / 10^j⌋ mod 10.
    /// </summary>
    public static void Digits(BigInteger value, Span<int> digits)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "FoNE digit targets are defined for non-negative integers");
        }
        var rest = value;
        for (var j = 0; j < digits.Length; j++)
        {
            rest = BigInteger.DivRem(rest, 10, out var digit);
            digits[j] = (int)digit;
        }
        if (!rest.IsZero)
        {
            throw new ArgumentException($"{value} has more than {digits.Length} digits; raise the FoNE digit count", nameof(value));
        }
    }

    private static FormattedToken[] CollapseTokens(IReadOnlyList<FormattedToken> tokens)
    {
        var result = new List<FormattedToken>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (!t.IsDigit)
            {
                result.Add(t);
                i++;
                continue;
            }
            var value = BigInteger.Zero;
            var j = i;
            while (j < tokens.Count && tokens[j].IsDigit && tokens[j].Number == t.Number)
            {
                value += DigitOf(tokens[j]) * BigInteger.Pow(10, tokens[j].Significance);
                j++;
            }
            result.Add(new FormattedToken(TokenText.Num, t.Number, -1, value));
            i = j;
        }
        return result.ToArray();
    }

    private static int DigitOf(FormattedToken token) =>
        token.Text.Length == 1 && char.IsAsciiDigit(token.Text[0])
            ? token.Text[0] - '0'
            : throw new ArgumentException($"token '{token.Text}' is marked as a digit of number {token.Number} but is not 0-9", nameof(token));
}
