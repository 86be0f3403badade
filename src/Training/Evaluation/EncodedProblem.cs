using ArithLab.Data;

namespace ArithLab.Training.Evaluation;

/// <summary>A problem, its formatted gold example, and the request that asks a model to answer it.</summary>
public sealed record EncodedProblem(Problem Problem, FormattedExample Example, GenerationRequest Request);
