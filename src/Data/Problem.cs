using System.Numerics;

namespace ArithLab.Data;

/// <summary>
/// One arithmetic problem before formatting: the task, its operands and its answer, all
/// exact integers. Sorting answers with a list; every other task with one number.
/// </summary>
/// <param name="Task">Which task made it (addition, subtraction, ...).</param>
/// <param name="Operands">The inputs in the order they are written.</param>
/// <param name="Answer">The gold answer: one number, or the sorted list for sorting.</param>
/// <param name="Modulus">For modular addition, p; otherwise null.</param>
public sealed record Problem(TaskKind Task, IReadOnlyList<BigInteger> Operands, IReadOnlyList<BigInteger> Answer, BigInteger? Modulus = null);
