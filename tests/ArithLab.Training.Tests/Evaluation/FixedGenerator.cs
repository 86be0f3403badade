using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Tests.Evaluation;

/// <summary>Answers every prompt with the same ids.</summary>
internal sealed class FixedGenerator(int[] answer) : IAnswerGenerator
{
    public IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests) => requests.Select(_ => answer).ToArray();
}
