using System.Numerics;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Formats;

/// <summary>
/// How many tokens one example of a task and format has at a length, found without writing it: a
/// scratchpad of 10,000-digit multiplication has about 10⁸ tokens and would take gigabytes to make.
/// Up to 64 digits it formats the longest problem (every operand all nines); beyond, it formats the
/// longest problems of 32 and 64 digits and extends the growth it sees there (linear for most
/// formats, quadratic for a multiplication scratchpad) as a power law.
/// </summary>
public static class ExampleSize
{
    /// <summary>The most tokens one example may have where the lab writes examples one by one for people to read.</summary>
    public const long MaxTokens = 1_000_000;

    private const int Measured = 64;

    public static long Estimate(TaskSpec task, IFormat format, int digits)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        if (digits <= Measured)
        {
            return Tokens(task, format, digits);
        }
        var (half, full) = (Tokens(task, format, Measured / 2), Tokens(task, format, Measured));
        var exponent = Math.Max(1, Math.Log2((double)full / half));
        return (long)Math.Min(long.MaxValue / 2, full * Math.Pow((double)digits / Measured, exponent));
    }

    private static long Tokens(TaskSpec task, IFormat format, int digits)
    {
        var operands = Enumerable.Range(0, task.OperandCount)
            .Select(_ => task.Kind == TaskKind.ModularAddition ? new BigInteger(task.Modulus - 1) : BigInteger.Pow(10, digits) - 1)
            .ToArray();
        var example = format.Format(ProblemFactory.Create(task, operands));
        return example.Prompt.Count + example.Target.Count + 2;
    }
}
