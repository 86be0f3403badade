using System.Numerics;

namespace ArithLab.Data;

/// <summary>The result of reading an answer from tokens: the numbers, or the reason it failed.</summary>
public sealed record AnswerParse(IReadOnlyList<BigInteger>? Answer, string? Error)
{
    public bool Success => Answer is not null;

    public static AnswerParse Ok(params BigInteger[] answer) => new(answer, null);

    public static AnswerParse Ok(IReadOnlyList<BigInteger> answer) => new(answer, null);

    public static AnswerParse Fail(string reason) => new(null, reason);

    /// <summary>Whether the parsed answer equals the problem's gold answer exactly.</summary>
    public bool Matches(Problem problem) => Answer is not null && Answer.SequenceEqual(problem.Answer);
}
