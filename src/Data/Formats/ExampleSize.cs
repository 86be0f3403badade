using System.Numerics;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Formats;

/// <summary>
/// How many tokens one example of a task and format has at a length, found without writing it: a
/// scratchpad of 10,000-digit multiplication has about 10⁸ tokens and would take gigabytes to make.
/// Up to 64 digits it formats the longest problem (every operand all nines); beyond, it formats the
/// longest problems of 16, 32 and 64 digits and extends the quadratic through them (Lagrange
/// interpolation): exact for formats whose length is linear in the digits, and for the multiplication
/// scratchpad, whose length is quadratic.
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
        // The quadratic through (16, t16), (32, t32), (64, t64), evaluated at the digits asked for.
        double[] xs = [Measured / 4, Measured / 2, Measured];
        var ys = xs.Select(x => (double)Tokens(task, format, (int)x)).ToArray();
        double estimate = 0;
        for (var i = 0; i < 3; i++)
        {
            var term = ys[i];
            for (var j = 0; j < 3; j++)
            {
                if (j != i)
                {
                    term *= (digits - xs[j]) / (xs[i] - xs[j]);
                }
            }
            estimate += term;
        }
        return (long)Math.Min(long.MaxValue / 2, Math.Max(ys[2], estimate));
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
