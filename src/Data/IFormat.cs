namespace ArithLab.Data;

/// <summary>
/// A way of writing problems as token sequences, as one paper's reference code did, and of
/// reading an answer back from generated tokens.
/// </summary>
public interface IFormat
{
    /// <summary>The name used in configs and on the command line ("plain", "reversed", ...).</summary>
    string Name { get; }

    /// <summary>Whether this format can write problems of the task.</summary>
    bool Supports(TaskKind task);

    FormattedExample Format(Problem problem);

    /// <summary>Recovers the answer from the target tokens (gold or generated), or says why it cannot.</summary>
    AnswerParse ParseAnswer(Problem problem, IReadOnlyList<string> targetTokens);
}
