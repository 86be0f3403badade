namespace ArithLab.Training.Evaluation;

/// <summary>How one generated answer was judged: correct, or wrong with the reason.</summary>
/// <param name="Correct">Whether the parsed answer equals the gold answer exactly.</param>
/// <param name="Failure">Why it is wrong (a parse failure, a missing [EOS], or a wrong value); null when correct.</param>
/// <param name="Malformed">Whether the answer could not be read at all (as opposed to read but wrong).</param>
/// <param name="Read">The wrong value the format's reader got, for a well-formed wrong answer; null otherwise.</param>
public sealed record AnswerOutcome(bool Correct, string? Failure, bool Malformed, IReadOnlyList<System.Numerics.BigInteger>? Read = null)
{
    /// <summary>The reason tallied for a well-formed but wrong answer.</summary>
    public const string WrongValue = "wrong value";

    /// <summary>The reason tallied when the decoder ran out of tokens before [EOS].</summary>
    public const string NoEos = "no [EOS] within the token budget";

    public static AnswerOutcome Right { get; } = new(true, null, false);
}
