using System.Numerics;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Tests.Batching;

/// <summary>
/// Examples written by hand for tests, independent of the lab's formats: "a op b =" then the
/// answer, each digit tagged with its number (operands 0, 1; answer 2) and significance.
/// </summary>
internal static class HandWritten
{
    public static readonly Vocabulary Vocabulary = new(
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "*", "=", TokenText.Num]);

    public static FormattedExample Addition(BigInteger a, BigInteger b, bool reverseOperands = false, bool reverseAnswer = false) =>
        Binary(TaskKind.Addition, a, "+", b, a + b, reverseOperands, reverseAnswer);

    public static FormattedExample Multiplication(BigInteger a, BigInteger b, bool reverseAnswer = false) =>
        Binary(TaskKind.Multiplication, a, "*", b, a * b, false, reverseAnswer);

    public static FormattedExample Binary(TaskKind task, BigInteger a, string op, BigInteger b, BigInteger answer, bool reverseOperands, bool reverseAnswer)
    {
        var prompt = new List<FormattedToken>();
        prompt.AddRange(Number(a, 0, reverseOperands));
        prompt.Add(new FormattedToken(op));
        prompt.AddRange(Number(b, 1, reverseOperands));
        prompt.Add(new FormattedToken("="));
        var target = Number(answer, 2, reverseAnswer);
        return new FormattedExample(new Problem(task, [a, b], [answer]), prompt, target);
    }

    public static List<FormattedToken> Number(BigInteger value, int number, bool reversed)
    {
        var text = value.ToString();
        var tokens = new List<FormattedToken>();
        for (var i = 0; i < text.Length; i++)
        {
            tokens.Add(new FormattedToken(text[i].ToString(), number, text.Length - 1 - i));
        }
        if (reversed)
        {
            tokens.Reverse();
        }
        return tokens;
    }
}
