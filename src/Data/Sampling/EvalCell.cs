namespace ArithLab.Data.Sampling;

/// <summary>One cell of an evaluation grid: the operand lengths and its problems.</summary>
public sealed record EvalCell(int LengthA, int LengthB, IReadOnlyList<Problem> Problems);
