using ArithLab.Data;

namespace ArithLab.Training.Evaluation;

/// <summary>Judges generated tokens against a problem through the format's own answer reader.</summary>
public static class AnswerScorer
{
    /// <summary>
    /// Exact match: the tokens must end with [EOS] (a model that never stops has not answered) and
    /// the format's <see cref="IFormat.ParseAnswer"/> must read the gold answer from what precedes it.
    /// </summary>
    public static AnswerOutcome Score(IFormat format, Problem problem, IReadOnlyList<string> generated)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(generated);
        if (!generated.Contains(Vocabulary.Eos))
        {
            return new AnswerOutcome(false, AnswerOutcome.NoEos, true);
        }
        AnswerParse parse;
        try
        {
            parse = format.ParseAnswer(problem, generated);
        }
        catch (ArgumentException e)
        {
            // A reader that rejects its input by throwing still means "cannot be read", not a crash of the run.
            return new AnswerOutcome(false, e.Message, true);
        }
        if (!parse.Success)
        {
            return new AnswerOutcome(false, parse.Error ?? "unreadable answer", true);
        }
        return parse.Matches(problem) ? AnswerOutcome.Right : new AnswerOutcome(false, AnswerOutcome.WrongValue, false, parse.Answer);
    }
}
