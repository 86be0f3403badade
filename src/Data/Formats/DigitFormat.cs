using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// The common shape of the lab's formats: each writes a <see cref="DigitProblem"/> into a reusable
/// <see cref="TokenBuffer"/> (the fast path), and <see cref="Format"/> wraps that for contract types.
/// </summary>
public abstract class DigitFormat : IFormat, ITokenSet
{
    public abstract string Name { get; }

    public abstract bool Supports(TaskKind task);

    /// <summary>Writes the problem (prompt, then target) into the cleared buffer.</summary>
    public abstract void Write(DigitProblem problem, TokenBuffer buffer);

    /// <summary>Every token the format may write for the task, in a fixed order (digits excluded).</summary>
    public abstract IReadOnlyList<string> TokenSet(TaskSpec task);

    public abstract AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens);

    public FormattedExample Format(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        RequireSupported(problem.Task);
        var digits = new DigitProblem();
        digits.Load(problem);
        var buffer = new TokenBuffer();
        Write(digits, buffer);
        return buffer.ToExample(problem);
    }

    protected void RequireSupported(TaskKind task)
    {
        if (!Supports(task))
        {
            throw new NotSupportedException($"format '{Name}' does not write {task} problems");
        }
    }

    /// <summary>Clears the buffer and checks the task, for the start of every <see cref="Write"/>.</summary>
    protected void Begin(DigitProblem problem, TokenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(buffer);
        RequireSupported(problem.Task.Kind);
        buffer.Clear();
        buffer.Spaced = false;
    }

    /// <summary>The target tokens up to (not including) the first [EOS] or [PAD].</summary>
    protected static List<string> UntilEnd(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var list = new List<string>(tokens.Count);
        foreach (var t in tokens)
        {
            if (t is Vocabulary.Eos or Vocabulary.Pad)
            {
                break;
            }

            list.Add(t);
        }

        return list;
    }
}
