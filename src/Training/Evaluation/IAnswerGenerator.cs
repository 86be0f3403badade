namespace ArithLab.Training.Evaluation;

/// <summary>
/// Maps a batch of prompts to the tokens a model writes after them. Evaluation is written against
/// this seam so that the grid's bookkeeping is testable without a model, and so that plain and
/// looped models (or any other decoder) plug in through an adapter.
/// </summary>
public interface IAnswerGenerator
{
    /// <summary>
    /// For each request, the generated token ids after the prompt, in order: at most
    /// <see cref="GenerationRequest.MaxNewTokens"/> of them, ending at the first [EOS] (included)
    /// when the model writes one.
    /// </summary>
    IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests);
}
