using System.Numerics;
using ArithLab.Data;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// One wrong answer kept as an example (<c>mistakes.csv</c>): the problem, what the model wrote,
/// why it is wrong and, for a readable wrong value, the lowest place value it got wrong.
/// </summary>
/// <param name="Beyond">Whether the problem came from a set beyond the grid.</param>
/// <param name="LengthA">Digits of operand a (the cell's row).</param>
/// <param name="LengthB">Digits of operand b (the cell's column).</param>
/// <param name="Problem">The problem asked.</param>
/// <param name="Output">The generated tokens, joined.</param>
/// <param name="Failure">Why it is wrong (as tallied in the summary's failures).</param>
/// <param name="Read">The answer the format's reader got from the output; null when it could not read one.</param>
public sealed record Mistake(bool Beyond, int LengthA, int LengthB, Problem Problem, string Output, string Failure, IReadOnlyList<BigInteger>? Read)
{
    /// <summary>
    /// The lowest place value (1 = units) at which a single-number answer's digits differ from the
    /// gold answer's, counted on the magnitudes; null when the answer was not read, has several
    /// numbers, or differs only in sign. Which place fails first tells a carry slip from a misaligned digit.
    /// </summary>
    public int? FirstWrongPlace => FirstWrongPlaceOf(Problem, Read);

    /// <summary><see cref="FirstWrongPlace"/> of any answer read for <paramref name="problem"/>.</summary>
    public static int? FirstWrongPlaceOf(Problem problem, IReadOnlyList<BigInteger>? read)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return read is [var value] && problem.Answer is [var gold] ? FirstDifferingPlace(BigInteger.Abs(gold), BigInteger.Abs(value)) : null;
    }

    /// <summary>The lowest place value (1 = units) where two non-negative integers' decimal digits differ; null when equal.</summary>
    public static int? FirstDifferingPlace(BigInteger x, BigInteger y)
    {
        if (x.Sign < 0 || y.Sign < 0) throw new ArgumentException("place values are compared on non-negative integers");
        for (var place = 1; !(x.IsZero && y.IsZero); place++)
        {
            if (x % 10 != y % 10) return place;
            (x, y) = (x / 10, y / 10);
        }
        return null;
    }
}
