using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// Lee et al. 2023 ("Teaching Arithmetic to Small Transformers"), the detailed and simplified
/// scratchpads, character for character as lee-ny/teaching_arithmetic's get_algo_reasoning_str writes
/// them, one token per character. The prompt is "Input:\n123+45\nTarget:\n"; the target is the
/// scratchpad and the answer, whose final newline is replaced by [EOS].
/// Detailed: addition, subtraction and multiplication; simplified: addition and subtraction (the
/// repository's "ver2" subtraction, which handles negative results through its last column).
/// </summary>
public sealed class LeeScratchpadFormat : DigitFormat
{
    // Every character the scratchpads use, so the vocabulary covers them whatever the numbers.
    private const string Alphabet = "Input:\nTarget<scrh>/ asdigt.[],+-*=AC>ENDkB";

    private readonly bool _detailed;

    public LeeScratchpadFormat(bool detailed)
    {
        _detailed = detailed;
        Name = detailed ? "scratchpad" : "scratchpad-simplified";
    }

    public override string Name { get; }

    public override bool Supports(TaskKind task) =>
        task is TaskKind.Addition or TaskKind.Subtraction || (_detailed && task == TaskKind.Multiplication);

    public override IReadOnlyList<string> TokenSet(TaskSpec task) =>
        [.. TokenText.Characters(Alphabet).Where(t => !NumberText.IsDigit(t))];

    public override void Write(DigitProblem problem, TokenBuffer buffer)
    {
        Begin(problem, buffer);
        var x = problem.Operand(0);
        var y = problem.Operand(1);
        var op = problem.Task.OperatorSymbol;
        buffer.AddCharacters("Input:\n");
        NumberText.Write(buffer, x);
        buffer.AddCharacters(op);
        NumberText.Write(buffer, y);
        buffer.AddCharacters("\nTarget:\n");
        buffer.EndPrompt();

        if (problem.Task.Kind == TaskKind.Multiplication)
        {
            WriteDetailedMultiplication(buffer, x, y);
        }
        else if (problem.Task.Kind == TaskKind.Subtraction)
        {
            WriteSubtraction(buffer, x, y, _detailed);
        }
        else if (_detailed)
        {
            WriteDetailedAddition(buffer, x, y);
        }
        else
        {
            WriteSimplifiedAddition(buffer, x, y);
        }
    }

    public override AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var tokens = UntilEnd(targetTokens);
        var lastLine = tokens.LastIndexOf(TokenText.Newline);
        if (lastLine < 0)
        {
            return AnswerParse.Fail("no line break before the answer line");
        }

        var line = tokens.GetRange(lastLine + 1, tokens.Count - lastLine - 1);
        var negative = line.Count > 0 && line[0] == "-";
        if (negative)
        {
            line.RemoveAt(0);
        }

        if (_detailed)
        {
            // The detailed answer is "4 9 5": digits with single spaces between them.
            if (line.Count % 2 == 0)
            {
                return AnswerParse.Fail($"the answer line '{string.Concat(line)}' is not digits separated by spaces");
            }

            var digits = new List<string>();
            for (var k = 0; k < line.Count; k++)
            {
                if (k % 2 == 1)
                {
                    if (line[k] != TokenText.Space)
                    {
                        return AnswerParse.Fail($"expected a space between answer digits, got '{NumberText.Printable(line[k])}'");
                    }

                    continue;
                }

                digits.Add(line[k]);
            }

            line = digits;
        }

        var value = NumberText.Read(line, 0, line.Count, reversed: false, out var error);
        if (value is null)
        {
            return AnswerParse.Fail(error!);
        }

        if (line.Count > 1 && line[0] == "0")
        {
            return AnswerParse.Fail("the answer has a leading zero");
        }

        if (negative && value.Value.IsZero)
        {
            return AnswerParse.Fail("a '-' sign on zero");
        }

        return AnswerParse.Ok(negative ? -value.Value : value.Value);
    }

    private static void WriteDetailedAddition(TokenBuffer b, DigitString x, DigitString y)
    {
        WriteHeader(b, x, y);

        var n = Math.Max(x.Length, y.Length);
        var answer = new List<int>(n + 1);
        var carry = 0;
        for (var i = 0; i < n; i++)
        {
            var a = x.DigitAt(i);
            var d = y.DigitAt(i);
            var c = a + d + carry;

            // "[1,2,8] + [3,6,7] , A=[] , C=0 , 8+7+0=15 , A->5 , C->1"
            WriteColumnState(b, x, y, i, " + ", answer);
            WriteColumnTerms(b, carry, a, "+", d, carry);
            b.AddCharacters("=");
            NumberText.WriteSmall(b, c);
            b.AddCharacters(" , ");
            WriteStep(b, c % 10, c / 10, "\n");
            answer.Insert(0, c % 10);
            carry = c / 10;
        }

        // The closing line shows A before the final carry is prepended, and has no ',' before C.
        WriteColumnState(b, x, y, n, " + ", answer);
        b.AddCharacters(" C=");
        NumberText.WriteSmall(b, carry);
        b.AddCharacters(" , END\n</scratch>\n");
        if (carry == 1)
        {
            answer.Insert(0, 1);
        }

        WriteDigits(b, answer, " ");
    }

    private static void WriteSimplifiedAddition(TokenBuffer b, DigitString x, DigitString y)
    {
        var n = Math.Max(x.Length, y.Length);
        var answer = new List<int>(n + 1);
        var carry = 0;
        for (var i = 0; i < n; i++)
        {
            var c = x.DigitAt(i) + y.DigitAt(i) + carry;

            // "A->5 , C->1", the last line ending in '.' rather than a line break.
            WriteStep(b, c % 10, c / 10, i == n - 1 ? ".\n" : "\n");
            answer.Insert(0, c % 10);
            carry = c / 10;
        }

        if (carry == 1)
        {
            answer.Insert(0, 1);
        }

        WriteDigits(b, answer, "");
    }

    private static void WriteDetailedMultiplication(TokenBuffer b, DigitString x, DigitString y)
    {
        WriteHeader(b, x, y);

        var xv = x.ToBigInteger();
        var c = BigInteger.Zero;
        var k = BigInteger.One;
        var partial = new DigitString();
        for (var i = 0; i < y.Length; i++)
        {
            var digit = y.DigitAt(i);
            var a = xv * digit;
            var bv = a * k;
            var previous = c;
            c += bv;

            // "[1,2] * 4 , A=[4,8] , k=1 , B=[4,8] , C=0+48=48"
            WriteList(b, x.Digits, x.Length);
            b.AddCharacters(" * ");
            NumberText.WriteSmall(b, digit);
            b.AddCharacters(" , A=");
            partial.Set(a);
            WriteList(b, partial.Digits, partial.Length);
            b.AddCharacters(" , k=");
            WriteBig(b, k);
            b.AddCharacters(" , B=");
            partial.Set(bv);
            WriteList(b, partial.Digits, partial.Length);
            b.AddCharacters(" , C=");
            WriteBig(b, previous);
            b.AddCharacters("+");
            WriteBig(b, bv);
            b.AddCharacters("=");
            WriteBig(b, c);
            if (i < y.Length - 1)
            {
                b.AddCharacters("\n");
            }

            k *= 10;
        }

        b.AddCharacters(" , END\n</scratch>\n");
        WriteDigits(b, DigitsOf(c), " ");
    }

    /// <summary>
    /// Lee et al.'s subtraction ("ver2"): columns from the units up with a borrow C of 0 or -1; every
    /// column but the last borrows ten when it goes negative, so the last digit carries the sign; the
    /// answer is then recombined as A[0]·10^n + rest, e.g. "-100+22=-78" for 45-123.
    /// </summary>
    private static void WriteSubtraction(TokenBuffer b, DigitString x, DigitString y, bool detailed)
    {
        if (detailed)
        {
            WriteHeader(b, x, y);
        }

        var n = Math.Max(x.Length, y.Length);
        var answer = new List<int>(n);
        var borrow = 0;
        for (var i = 0; i < n; i++)
        {
            var a = x.DigitAt(i);
            var d = y.DigitAt(i);
            var raw = a - d + borrow;
            var takesTen = raw < 0 && i < n - 1;
            var c = takesTen ? raw + 10 : raw;
            var next = raw < 0 ? -1 : 0;
            if (detailed)
            {
                // "[4,5] - [1,2,3] , A=[] , C=0 , 5-3-0=2 , A->2 , C->0"
                WriteColumnState(b, x, y, i, " - ", answer);
                WriteColumnTerms(b, borrow, a, "-", d, -borrow);
                if (takesTen)
                {
                    b.AddCharacters("+");
                    NumberText.WriteSmall(b, 10);
                }

                b.AddCharacters("=");
                NumberText.WriteSmall(b, c);
                b.AddCharacters(" , ");
            }

            WriteStep(b, c, next, "\n");
            answer.Insert(0, c);
            borrow = next;
        }

        var leading = new BigInteger(answer[0]) * BigInteger.Pow(10, answer.Count - 1);
        var rest = BigInteger.Zero;
        for (var k = 1; k < answer.Count; k++)
        {
            rest = (rest * 10) + answer[k];
        }

        var result = leading + rest;
        if (detailed)
        {
            WriteColumnState(b, x, y, n, " - ", answer);
            b.AddCharacters("\n");
        }

        WriteSignedBig(b, leading);
        b.AddCharacters("+");
        WriteBig(b, rest);
        b.AddCharacters("=");
        WriteSignedBig(b, result);
        b.AddCharacters(detailed ? " , END\n</scratch>\n" : ".\n");

        if (result.Sign < 0)
        {
            b.AddCharacters("-");
        }

        WriteDigits(b, DigitsOf(BigInteger.Abs(result)), detailed ? " " : "");
    }

    /// <summary>"&lt;scratch&gt;\n[1,2,8] has 3 digits.\n[3,6,7] has 3 digits.\n"</summary>
    private static void WriteHeader(TokenBuffer b, DigitString x, DigitString y)
    {
        b.AddCharacters("<scratch>\n");
        WriteList(b, x.Digits, x.Length);
        b.AddCharacters(" has ");
        NumberText.WriteSmall(b, x.Length);
        b.AddCharacters(" digits.\n");
        WriteList(b, y.Digits, y.Length);
        b.AddCharacters(" has ");
        NumberText.WriteSmall(b, y.Length);
        b.AddCharacters(" digits.\n");
    }

    /// <summary>
    /// "[1,2] + [3,6] , A=[5]": the digits of x and y not yet used after <paramref name="column"/>
    /// columns (an emptied operand is "[]"), the operator between them, and the answer so far.
    /// </summary>
    private static void WriteColumnState(TokenBuffer b, DigitString x, DigitString y, int column, string op, List<int> answer)
    {
        WriteList(b, x.Digits, Math.Max(0, x.Length - column));
        b.AddCharacters(op);
        WriteList(b, y.Digits, Math.Max(0, y.Length - column));
        b.AddCharacters(" , A=");
        WriteIntList(b, answer);
    }

    /// <summary>" , C=0 , 8+7+0": the carry (or borrow) into the column, then the column's terms
    /// joined by the operator, the last being the carry as the column uses it.</summary>
    private static void WriteColumnTerms(TokenBuffer b, int carry, int a, string op, int d, int carryTerm)
    {
        b.AddCharacters(" , C=");
        NumberText.WriteSmall(b, carry);
        b.AddCharacters(" , ");
        NumberText.WriteSmall(b, a);
        b.AddCharacters(op);
        NumberText.WriteSmall(b, d);
        b.AddCharacters(op);
        NumberText.WriteSmall(b, carryTerm);
    }

    /// <summary>"A->5 , C->1" and the line's ending.</summary>
    private static void WriteStep(TokenBuffer b, int digit, int carry, string end)
    {
        b.AddCharacters("A->");
        NumberText.WriteSmall(b, digit);
        b.AddCharacters(" , C->");
        NumberText.WriteSmall(b, carry);
        b.AddCharacters(end);
    }

    /// <summary>A list of small integers as Python prints it: one number when all are digits, else each element its own.</summary>
    private static void WriteIntList(TokenBuffer b, List<int> values)
    {
        if (values.TrueForAll(v => v is >= 0 and <= 9))
        {
            WriteList<int>(b, CollectionsMarshal.AsSpan(values), values.Count);
            return;
        }

        b.AddCharacters("[");
        for (var k = 0; k < values.Count; k++)
        {
            if (k > 0)
            {
                b.AddCharacters(",");
            }

            NumberText.WriteSmall(b, values[k]);
        }

        b.AddCharacters("]");
    }

    private static void WriteSignedBig(TokenBuffer b, BigInteger v)
    {
        if (v.Sign < 0)
        {
            b.AddCharacters("-");
        }

        WriteBig(b, BigInteger.Abs(v));
    }

    private static void WriteBig(TokenBuffer b, BigInteger v) => WriteDigits(b, DigitsOf(v), "");

    /// <summary>Python's str() of a digit list without spaces: "[1,2,8]"; the first <paramref name="count"/> digits, one number.</summary>
    private static void WriteList<T>(TokenBuffer b, ReadOnlySpan<T> digits, int count)
        where T : IBinaryInteger<T>
    {
        b.AddCharacters("[");
        if (count > 0)
        {
            WriteDigits(b, digits[..count], ",");
        }

        b.AddCharacters("]");
    }

    /// <summary>Digits, most significant first, as the tokens of one number with <paramref name="separator"/> between them.</summary>
    private static void WriteDigits<T>(TokenBuffer b, ReadOnlySpan<T> digits, string separator)
        where T : IBinaryInteger<T>
    {
        var number = b.StartNumber();
        for (var k = 0; k < digits.Length; k++)
        {
            if (k > 0 && separator.Length > 0)
            {
                b.AddCharacters(separator);
            }

            b.Add(TokenText.Digit(int.CreateTruncating(digits[k])), number, digits.Length - 1 - k);
        }
    }

    private static void WriteDigits(TokenBuffer b, List<int> digits, string separator) =>
        WriteDigits<int>(b, CollectionsMarshal.AsSpan(digits), separator);

    /// <summary>The decimal digits of a non-negative <paramref name="v"/>, most significant first.</summary>
    private static int[] DigitsOf(BigInteger v)
    {
        var text = v.ToString(CultureInfo.InvariantCulture);
        var digits = new int[text.Length];
        for (var k = 0; k < text.Length; k++)
        {
            digits[k] = text[k] - '0';
        }

        return digits;
    }
}
