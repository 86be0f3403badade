using System.Numerics;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// McLeish et al. 2024's sorting format (mcleish7/arithmetic, uniform_distribution_sort_basic with
/// --reverse_all): each number gets a label, the prompt lists "label:number" pairs with the numbers
/// reversed, and the target is the labels in ascending order of their numbers, e.g.
/// "A:321,B:54,C:6=" then "C,B,A" for [123, 45, 6]. Labels run through McLeish et al.'s character cycle
/// from a per-example offset; we leave out ',' and ':' (their cycle holds both, so a label could be
/// read as a separator) and take the offset from a hash of the problem, as in index-hints-mcleish.
/// Equal numbers keep their list order, as Python's stable sort does.
/// </summary>
public sealed class LabelledSortingFormat : DigitFormat
{
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _labelIndex;
    private readonly ulong _offsetSeed;
    private readonly int? _fixedOffset;

    public LabelledSortingFormat(ulong offsetSeed = 0, int? fixedOffset = null)
    {
        if (fixedOffset is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fixedOffset), fixedOffset, "the label offset cannot be negative");
        }

        _labels = [.. TokenText.Characters(IndexHintFormat.McLeishAlphabet).Where(c => c is not "," and not ":")];
        _labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Length; i++)
        {
            _labelIndex[_labels[i]] = i;
        }

        _offsetSeed = offsetSeed;
        _fixedOffset = fixedOffset;
    }

    public override string Name => "sorting-mcleish";

    /// <summary>The longest list: one distinct label per number.</summary>
    public int MaxListLength => _labels.Length;

    public override bool Supports(TaskKind task) => task == TaskKind.Sorting;

    public override IReadOnlyList<string> TokenSet(TaskSpec task) => [":", ",", "=", .. _labels];

    public override void Write(DigitProblem problem, TokenBuffer buffer)
    {
        Begin(problem, buffer);
        var count = problem.OperandCount;
        if (count > _labels.Length)
        {
            throw new NotSupportedException($"format '{Name}' labels at most {_labels.Length} numbers, not {count}");
        }

        var offset = Offset(problem);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer.Add(",");
            }

            buffer.Add(Label(offset, i));
            buffer.Add(":");
            NumberText.Write(buffer, problem.Operand(i), reversed: true);
        }

        buffer.Add("=");
        buffer.EndPrompt();

        // A stable ascending order of the operands: insertion sort on indices.
        Span<int> order = count <= 128 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            for (var j = i; j > 0 && DigitString.Compare(problem.Operand(order[j - 1]), problem.Operand(order[j])) > 0; j--)
            {
                (order[j - 1], order[j]) = (order[j], order[j - 1]);
            }
        }

        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                buffer.Add(",");
            }

            buffer.Add(Label(offset, order[k]));
        }
    }

    public override AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var tokens = UntilEnd(targetTokens);
        var count = problem.Operands.Count;
        if (tokens.Count != (2 * count) - 1)
        {
            return AnswerParse.Fail($"expected {count} labels separated by ',', got {tokens.Count} tokens");
        }

        var digits = new DigitProblem();
        digits.Load(problem);
        var offset = Offset(digits);
        var values = new BigInteger[count];
        var used = new bool[count];
        for (var k = 0; k < count; k++)
        {
            if (k > 0 && tokens[(2 * k) - 1] != ",")
            {
                return AnswerParse.Fail($"expected ',' between labels, got '{NumberText.Printable(tokens[(2 * k) - 1])}'");
            }

            var label = tokens[2 * k];
            if (!_labelIndex.TryGetValue(label, out var index))
            {
                return AnswerParse.Fail($"'{NumberText.Printable(label)}' is not a label");
            }

            var position = ((index - offset) % _labels.Length + _labels.Length) % _labels.Length;
            if (position >= count || used[position])
            {
                return AnswerParse.Fail($"label '{label}' names no number of the list, or names one twice");
            }

            used[position] = true;
            values[k] = problem.Operands[position];
        }

        return AnswerParse.Ok(values);
    }

    private string Label(int offset, int position) => _labels[(offset + position) % _labels.Length];

    private int Offset(DigitProblem problem)
    {
        if (_fixedOffset is { } fixedOffset)
        {
            return fixedOffset % _labels.Length;
        }

        var h = SeededRandom.Mix(_offsetSeed ^ 0x50E7UL);
        for (var i = 0; i < problem.OperandCount; i++)
        {
            foreach (var d in problem.Operand(i).Digits)
            {
                h = (h ^ d) * 0x100000001B3UL;
            }

            h = SeededRandom.Mix(h ^ 0xCDUL);
        }

        return (int)(h % (ulong)_labels.Length);
    }
}
