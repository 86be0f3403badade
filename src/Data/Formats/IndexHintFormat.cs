using System.Numerics;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// Index hints: a hint token before every digit, the same hint for digits of the same significance in
/// every number, so attention can match digits by hint rather than by position.
/// Zhou et al. 2023 ("What Algorithms can Transformers Learn?"): "a1b2c3+a0b4c5=c8b6a1" for 123+45 at
/// offset 0. McLeish et al. 2024 (mcleish7/arithmetic, --index_hints with --reverse_all): "A3B2C1+A5B4=A8B6C1"
/// for 123+45 at offset 0. In both the first hint is drawn per example from a longer cycle of hints, so
/// training meets every hint token, not only the first few that short numbers need.
/// </summary>
public sealed class IndexHintFormat : DigitFormat
{
    /// <summary>Zhou et al.'s hints are abstract tokens; we spell them a-z, then A-Z, then repeat.</summary>
    public const string ZhouAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The 102-character cycle of McLeish et al.'s pick_char_set (no 'x': it spells ×).</summary>
    public const string McLeishAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwyz!@£#$%^&*()~?.,<>{}[]:;/|βΓΔδεζηθκΛλμΞξΠπΣςτΦφχΨψΩω";

    private readonly string[] _hints;
    private readonly HashSet<string> _hintSet;
    private readonly IndexHintStyle _style;
    private readonly ulong _offsetSeed;
    private readonly int? _fixedOffset;

    /// <param name="style">Whose placement to follow.</param>
    /// <param name="offsetSeed">Salts the per-example cycle offset, which is a hash of the problem, so the
    /// same problem always gets the same hints.</param>
    /// <param name="fixedOffset">Use this cycle offset for every example instead (0 starts at 'a' for Zhou, 'A' for McLeish).</param>
    public IndexHintFormat(IndexHintStyle style, ulong offsetSeed = 0, int? fixedOffset = null)
    {
        if (fixedOffset is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fixedOffset), fixedOffset, "the hint offset cannot be negative");
        }

        _style = style;
        _offsetSeed = offsetSeed;
        _fixedOffset = fixedOffset;
        _hints = [.. TokenText.Characters(style == IndexHintStyle.Zhou ? ZhouAlphabet : McLeishAlphabet)];
        _hintSet = new HashSet<string>(_hints, StringComparer.Ordinal);
        Name = style == IndexHintStyle.Zhou ? "index-hints" : "index-hints-mcleish";
    }

    public override string Name { get; }

    public IndexHintStyle Style => _style;

    public override bool Supports(TaskKind task) =>
        task is TaskKind.Addition or TaskKind.Subtraction or TaskKind.Multiplication or TaskKind.MultiOperandAddition;

    public override IReadOnlyList<string> TokenSet(TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var list = new List<string> { Operator(task), "=" };
        list.AddRange(_hints);
        return list;
    }

    public override void Write(DigitProblem problem, TokenBuffer buffer)
    {
        Begin(problem, buffer);
        if (problem.AnswerNegative)
        {
            throw new NotSupportedException($"format '{Name}' writes non-negative answers only; use unsigned subtraction");
        }

        var op = Operator(problem.Task);
        var offset = _fixedOffset ?? (int)(OffsetHash(problem) % (ulong)_hints.Length);
        if (_style == IndexHintStyle.Zhou)
        {
            var width = problem.Answer().Length;
            for (var i = 0; i < problem.OperandCount; i++)
            {
                width = Math.Max(width, problem.Operand(i).Length);
            }

            for (var i = 0; i < problem.OperandCount; i++)
            {
                if (i > 0)
                {
                    buffer.Add(op);
                }

                WriteHinted(buffer, problem.Operand(i), width, reversed: false, fromTop: true, offset + width - 1);
            }

            buffer.Add("=");
            buffer.EndPrompt();
            WriteHinted(buffer, problem.Answer(), width, reversed: true, fromTop: true, offset + width - 1);
            return;
        }

        for (var i = 0; i < problem.OperandCount; i++)
        {
            if (i > 0)
            {
                buffer.Add(op);
            }

            var operand = problem.Operand(i);
            WriteHinted(buffer, operand, operand.Length, reversed: true, fromTop: false, offset);
        }

        buffer.Add("=");
        buffer.EndPrompt();
        var answer = problem.Answer();
        WriteHinted(buffer, answer, answer.Length, reversed: true, fromTop: false, offset);
    }

    public override AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var tokens = UntilEnd(targetTokens);
        if (tokens.Count == 0 || tokens.Count % 2 != 0)
        {
            return AnswerParse.Fail($"a hinted answer is hint-digit pairs; got {tokens.Count} tokens");
        }

        var digits = new List<string>(tokens.Count / 2);
        for (var k = 0; k < tokens.Count; k += 2)
        {
            if (!_hintSet.Contains(tokens[k]))
            {
                return AnswerParse.Fail($"token '{NumberText.Printable(tokens[k])}' at position {k} is not an index hint");
            }

            digits.Add(tokens[k + 1]);
        }

        // Both styles write the answer units first.
        var value = NumberText.Read(digits, 0, digits.Count, reversed: true, out var error);
        if (value is null)
        {
            return AnswerParse.Fail(error!);
        }

        if (_style == IndexHintStyle.McLeish && digits.Count > 1 && digits[^1] == "0")
        {
            return AnswerParse.Fail("the answer has a leading zero");
        }

        return AnswerParse.Ok(value.Value);
    }

    private string Operator(TaskSpec task) =>
        task.Kind == TaskKind.Multiplication ? (_style == IndexHintStyle.McLeish ? "x" : "*") : task.OperatorSymbol;

    /// <summary>
    /// Writes hint-digit pairs over <paramref name="width"/> places. The hint of significance s is
    /// hint[start − s] when counted from the top (Zhou: start = offset + width − 1, so the most significant
    /// place gets hint[offset]), else hint[start + s].
    /// </summary>
    private void WriteHinted(TokenBuffer buffer, DigitString value, int width, bool reversed, bool fromTop, int start)
    {
        var number = buffer.StartNumber();
        for (var k = 0; k < width; k++)
        {
            var s = reversed ? k : width - 1 - k;
            var index = (fromTop ? start - s : start + s) % _hints.Length;
            buffer.Add(_hints[index], -1, s);
            buffer.Add(TokenText.Digit(value.DigitAt(s)), number, s);
        }
    }

    private ulong OffsetHash(DigitProblem problem)
    {
        var h = SeededRandom.Mix(_offsetSeed ^ 0x1D1CE5UL);
        for (var i = 0; i < problem.OperandCount; i++)
        {
            foreach (var d in problem.Operand(i).Digits)
            {
                h = (h ^ d) * 0x100000001B3UL;
            }

            h = SeededRandom.Mix(h ^ 0xCDUL);
        }

        return h;
    }
}
