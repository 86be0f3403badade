using System.Numerics;

namespace ArithLab.Data.Tasks;

/// <summary>Builds contract <see cref="Problem"/>s from operands, computing the gold answer with BigInteger.</summary>
public static class ProblemFactory
{
    public static Problem Create(TaskSpec task, params BigInteger[] operands)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(operands);
        task.Validated();
        if (operands.Length != task.OperandCount)
        {
            throw new ArgumentException($"{task.Kind} takes {task.OperandCount} operands, got {operands.Length}", nameof(operands));
        }

        foreach (var o in operands)
        {
            if (o.Sign < 0)
            {
                throw new ArgumentException($"operands must be non-negative, got {o}", nameof(operands));
            }
        }

        var a = operands[0];
        BigInteger[] answer = task.Kind switch
        {
            TaskKind.Addition => [a + operands[1]],
            TaskKind.Subtraction when !task.SignedResults && a < operands[1] =>
                throw new ArgumentException($"non-negative subtraction needs a ≥ b, got {a} - {operands[1]}", nameof(operands)),
            TaskKind.Subtraction => [a - operands[1]],
            TaskKind.Multiplication => [a * operands[1]],
            TaskKind.MultiOperandAddition => [Sum(operands)],
            TaskKind.ModularAddition when a >= task.Modulus || operands[1] >= task.Modulus =>
                throw new ArgumentException($"operands of addition mod {task.Modulus} must be residues below {task.Modulus}", nameof(operands)),
            TaskKind.ModularAddition => [(a + operands[1]) % task.Modulus],
            TaskKind.Sorting => Sorted(operands),
            _ => throw new NotSupportedException($"task {task.Kind}"),
        };

        return new Problem(task.Kind, operands, answer, task.Kind == TaskKind.ModularAddition ? task.Modulus : null);
    }

    private static BigInteger Sum(BigInteger[] values)
    {
        var s = BigInteger.Zero;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }

    private static BigInteger[] Sorted(BigInteger[] values)
    {
        var copy = (BigInteger[])values.Clone();
        Array.Sort(copy);
        return copy;
    }
}
