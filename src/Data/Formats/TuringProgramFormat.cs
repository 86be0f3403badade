using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// A Turing Program for addition (Hou et al. 2024, "Universal Length Generalization with Turing
/// Programs"): the chain of thought is a sequence of tape snapshots, one per machine step, each a copy
/// of the previous one with a small edit — the head marker '^' moved one digit left in each operand
/// and one more answer digit written. The paper fixes the idea (copy the tape, move the head, mark
/// carries with the letters a–j; vocabulary {0-9, +, a-j, ^, separators}) but not every character, so
/// the choices here are ours; docs/data-formats.md lists them:
/// a snapshot is "$" a "+" b "=" output; '^' sits between the digits not yet read (left) and those read
/// (right); the output is written most significant digit first, and its newest digit is spelled with a
/// letter (a=0 … j=9) when that column carried into the next one; snapshots are separated by '|'.
/// The prompt is the first snapshot and its separator: "$123^+45^=|" for 123+45.
/// </summary>
public sealed class TuringProgramFormat : DigitFormat
{
    public const string Head = "^";
    public const string Separator = "|";
    public const string TapeStart = "$";
    private const string CarryLetters = "abcdefghij";

    public override string Name => "turing";

    public override bool Supports(TaskKind task) => task == TaskKind.Addition;

    public override IReadOnlyList<string> TokenSet(TaskSpec task) =>
        [TapeStart, "+", "=", Head, Separator, .. TokenText.Characters(CarryLetters)];

    public override void Write(DigitProblem problem, TokenBuffer buffer)
    {
        Begin(problem, buffer);
        var a = problem.Operand(0);
        var b = problem.Operand(1);
        var written = new byte[Math.Max(a.Length, b.Length) + 1];
        WriteSnapshot(buffer, a, b, 0, written, 0, false);
        buffer.Add(Separator);
        buffer.EndPrompt();

        var columns = Math.Max(a.Length, b.Length);
        var carry = 0;
        var count = 0;
        for (var s = 0; s < columns; s++)
        {
            var v = a.DigitAt(s) + b.DigitAt(s) + carry;
            carry = v / 10;
            written[count++] = (byte)(v % 10);
            if (s > 0)
            {
                buffer.Add(Separator);
            }

            WriteSnapshot(buffer, a, b, s + 1, written, count, carry == 1);
        }

        if (carry == 1)
        {
            // One more step writes the final carry; the heads have nothing left to read.
            written[count++] = 1;
            buffer.Add(Separator);
            WriteSnapshot(buffer, a, b, columns, written, count, false);
        }
    }

    public override AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var tokens = UntilEnd(targetTokens);
        var lastStep = tokens.LastIndexOf(Separator) + 1;
        var equals = tokens.IndexOf("=", lastStep);
        if (equals < 0)
        {
            return AnswerParse.Fail("the last snapshot has no '='");
        }

        var count = tokens.Count - equals - 1;
        if (count > 0 && CarryLetters.Contains(tokens[^1][0], StringComparison.Ordinal) && tokens[^1].Length == 1)
        {
            return AnswerParse.Fail("the last snapshot still carries (its newest digit is a carry letter)");
        }

        var value = NumberText.Read(tokens, equals + 1, count, reversed: false, out var error);
        if (value is null)
        {
            return AnswerParse.Fail(error!);
        }

        return count > 1 && tokens[equals + 1] == "0" ? AnswerParse.Fail("the answer has a leading zero") : AnswerParse.Ok(value.Value);
    }

    /// <summary>One tape: "$" a "+" b "=" output, with the head after <paramref name="read"/> digits from the right.</summary>
    private static void WriteSnapshot(TokenBuffer buffer, DigitString a, DigitString b, int read, byte[] written, int count, bool carried)
    {
        buffer.Add(TapeStart);
        WriteOperand(buffer, a, read);
        buffer.Add("+");
        WriteOperand(buffer, b, read);
        buffer.Add("=");
        if (count > 0)
        {
            var number = buffer.StartNumber();

            // written[] holds the output units first; the tape shows it most significant first.
            for (var k = count - 1; k >= 0; k--)
            {
                var digit = written[k];
                buffer.Add(k == count - 1 && carried ? CarryLetter(digit) : TokenText.Digit(digit), number, k);
            }
        }
    }

    private static void WriteOperand(TokenBuffer buffer, DigitString v, int read)
    {
        var number = buffer.StartNumber();
        var unread = Math.Max(0, v.Length - read);
        for (var s = v.Length - 1; s >= 0; s--)
        {
            if (v.Length - 1 - s == unread)
            {
                buffer.Add(Head);
            }

            buffer.Add(TokenText.Digit(v.DigitAt(s)), number, s);
        }

        if (unread == v.Length)
        {
            buffer.Add(Head);
        }
    }

    private static string CarryLetter(int digit) => TokenBuffer.CharText(CarryLetters[digit]);
}
