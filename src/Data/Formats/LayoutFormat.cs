using System.Numerics;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// Problems written on one line, "a op b = answer", in the layouts of the papers: plain ("123+45=168"),
/// answer reversed with '$' delimiters (Lee et al. 2023, "$123+45=861$"), operands and answer reversed
/// (McLeish et al. 2024, "321+54=861"), zero-padded to a fixed width or per example (Cho et al. 2024,
/// "653+049=2070"), optionally with spaces between tokens.
/// Sorting writes "3,12,5=3,5,12"; modular addition writes one residue token per number, "&lt;3&gt;+&lt;5&gt;=&lt;1&gt;".
/// A reversed number with a sign is the reversed text of the signed number ("-12" → "21-"), as both
/// reference repositories reverse the answer's string.
/// </summary>
public sealed class LayoutFormat : DigitFormat
{
    private readonly LayoutOptions _options;

    public LayoutFormat(string name, LayoutOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PadWidth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PadWidth, "the pad width cannot be negative");
        }

        if (options.PadWidth > 0 && options.PadPerExample)
        {
            throw new ArgumentException("pad to a fixed width or per example, not both", nameof(options));
        }

        Name = name;
        _options = options;
    }

    public override string Name { get; }

    public LayoutOptions Options => _options;

    public override bool Supports(TaskKind task) => task switch
    {
        _ when _options.PadPerExample => ExamplePadding.Pads(task),
        TaskKind.ModularAddition => !_options.ReverseOperands && !_options.ReverseAnswer && _options.PadWidth == 0,
        _ => true,
    };

    public override IReadOnlyList<string> TokenSet(TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var list = new List<string>();
        if (_options.Delimiter is not null)
        {
            list.Add(_options.Delimiter);
        }

        list.Add(Operator(task));
        list.Add("=");
        if (task.Kind == TaskKind.Sorting)
        {
            list.Add(",");
        }

        if (task.Kind == TaskKind.Subtraction && task.SignedResults && !list.Contains("-"))
        {
            list.Add("-");
        }

        if (task.Kind == TaskKind.ModularAddition)
        {
            for (var r = 0; r < task.Modulus; r++)
            {
                list.Add(TokenText.Residue(r));
            }
        }

        if (_options.Spaces)
        {
            list.Add(TokenText.Space);
        }

        return list;
    }

    public override void Write(DigitProblem problem, TokenBuffer buffer)
    {
        Begin(problem, buffer);
        buffer.Spaced = _options.Spaces;
        var task = problem.Task;
        if (_options.Delimiter is not null)
        {
            buffer.Add(_options.Delimiter);
        }

        var (operandWidth, answerWidth) = PaddedWidths(problem);
        var op = Operator(task);
        for (var i = 0; i < problem.OperandCount; i++)
        {
            if (i > 0)
            {
                buffer.Add(op);
            }

            WriteNumber(buffer, task, problem.Operand(i), _options.ReverseOperands, operandWidth);
        }

        buffer.Add("=");
        buffer.EndPrompt();

        for (var i = 0; i < problem.AnswerCount; i++)
        {
            if (i > 0)
            {
                buffer.Add(",");
            }

            if (problem.AnswerNegative && !_options.ReverseAnswer)
            {
                buffer.Add("-");
            }

            WriteNumber(buffer, task, problem.Answer(i), _options.ReverseAnswer, answerWidth);
            if (problem.AnswerNegative && _options.ReverseAnswer)
            {
                buffer.Add("-");
            }
        }

        if (_options.Delimiter is not null)
        {
            buffer.Add(_options.Delimiter);
        }
    }

    public override AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var tokens = UntilEnd(targetTokens);
        if (_options.Spaces)
        {
            tokens.RemoveAll(t => t == TokenText.Space);
        }

        if (_options.Delimiter is not null)
        {
            if (tokens.Count == 0 || tokens[^1] != _options.Delimiter)
            {
                return AnswerParse.Fail($"the answer does not end with the closing '{_options.Delimiter}'");
            }

            tokens.RemoveAt(tokens.Count - 1);
        }

        if (problem.Task == TaskKind.ModularAddition)
        {
            return tokens.Count == 1 && TokenText.TryParseResidue(tokens[0], out var r)
                ? AnswerParse.Ok(r)
                : AnswerParse.Fail($"expected one residue token, got {tokens.Count} tokens");
        }

        var answers = new List<BigInteger>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i] != ",")
            {
                continue;
            }

            if (i < tokens.Count && problem.Task != TaskKind.Sorting)
            {
                return AnswerParse.Fail("a ',' in an answer that is a single number");
            }

            var value = ParseNumber(tokens, start, i - start, problem, out var error);
            if (value is null)
            {
                return AnswerParse.Fail(error!);
            }

            answers.Add(value.Value);
            start = i + 1;
        }

        return AnswerParse.Ok(answers);
    }

    /// <summary>The widest answer a padded problem can have, so every padded answer has one length.</summary>
    public static int AnswerWidth(TaskSpec task, int width)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind switch
        {
            TaskKind.Addition => width + 1,
            TaskKind.Multiplication => 2 * width,
            TaskKind.MultiOperandAddition => MultiSumWidth(width, task.OperandCount),
            _ => width,
        };
    }

    /// <summary>Digits of k·(10^width − 1), the largest sum of k numbers of width digits.</summary>
    private static int MultiSumWidth(int width, int k)
    {
        // k·10^width has width + digits(k) digits; subtracting k removes one only when k is a power of ten.
        var digitsOfK = k.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        if (width < digitsOfK)
        {
            return ((BigInteger.Pow(10, width) - 1) * k).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        }

        var powerOfTen = BigInteger.Pow(10, digitsOfK - 1) == k;
        return width + digitsOfK - (powerOfTen ? 1 : 0);
    }

    /// <summary>The widths operands and answer are zero-padded to (0: as written), fixed or from this example's lengths.</summary>
    private (int Operand, int Answer) PaddedWidths(DigitProblem problem)
    {
        if (_options.PadPerExample)
        {
            var longest = 0;
            var sum = 0;
            for (var i = 0; i < problem.OperandCount; i++)
            {
                longest = Math.Max(longest, problem.Operand(i).Length);
                sum += problem.Operand(i).Length;
            }

            return (ExamplePadding.OperandWidth(problem.Task.Kind, longest), ExamplePadding.AnswerWidth(problem.Task, longest, sum));
        }

        return _options.PadWidth > 0 ? (_options.PadWidth, AnswerWidth(problem.Task, _options.PadWidth)) : (0, 0);
    }

    /// <summary>The padded answer width for a contract <see cref="Problem"/>: fixed, or from its operands' lengths.</summary>
    private int PaddedAnswerWidth(Problem problem)
    {
        var task = DigitProblemSpec(problem);
        if (!_options.PadPerExample)
        {
            return AnswerWidth(task, _options.PadWidth);
        }

        var lengths = problem.Operands.Select(DigitLength).ToArray();
        return ExamplePadding.AnswerWidth(task, lengths.Max(), lengths.Sum());
    }

    private static int DigitLength(BigInteger value) =>
        BigInteger.Abs(value).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    private string Operator(TaskSpec task) => task.Kind == TaskKind.Multiplication ? _options.MultiplySymbol : task.OperatorSymbol;

    private static void WriteNumber(TokenBuffer buffer, TaskSpec task, DigitString value, bool reversed, int width)
    {
        if (task.Kind == TaskKind.ModularAddition)
        {
            buffer.Add(TokenText.Residue((int)value.ToInt64()), buffer.StartNumber(), 0);
            return;
        }

        NumberText.Write(buffer, value, reversed, width);
    }

    private BigInteger? ParseNumber(List<string> tokens, int start, int count, Problem problem, out string? error)
    {
        var negative = false;
        if (count > 0 && !_options.ReverseAnswer && tokens[start] == "-")
        {
            negative = true;
            start++;
            count--;
        }
        else if (count > 0 && _options.ReverseAnswer && tokens[start + count - 1] == "-")
        {
            negative = true;
            count--;
        }

        var value = NumberText.Read(tokens, start, count, _options.ReverseAnswer, out error);
        if (value is null)
        {
            return null;
        }

        var leadingIndex = _options.ReverseAnswer ? start + count - 1 : start;
        if (_options.PadWidth > 0 || _options.PadPerExample)
        {
            var width = PaddedAnswerWidth(problem);
            if (count != width)
            {
                error = $"a padded answer has {width} digits, this one has {count}";
                return null;
            }
        }
        else if (count > 1 && tokens[leadingIndex] == "0")
        {
            error = "the answer has a leading zero";
            return null;
        }

        if (negative && value.Value.IsZero)
        {
            error = "a '-' sign on zero";
            return null;
        }

        return negative ? -value.Value : value.Value;
    }

    private static TaskSpec DigitProblemSpec(Problem problem) => problem.Task switch
    {
        TaskKind.MultiOperandAddition or TaskKind.Sorting => new TaskSpec(problem.Task, problem.Operands.Count),
        _ => new TaskSpec(problem.Task),
    };
}
