using System.Numerics;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Counts the carries of schoolbook addition in base 10, digit by digit from the units, apart
/// from the digit code in ArithLab.Data so that it checks rather than repeats it. Long carry
/// chains are where length generalization of addition breaks first (McLeish et al. 2024, §4).
/// </summary>
public static class CarryCounter
{
    /// <summary>How many columns of a + b produce a carry into the next column (999 + 1 → 3, 123 + 45 → 0).</summary>
    public static int Count(BigInteger a, BigInteger b)
    {
        if (a.Sign < 0 || b.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(a.Sign < 0 ? nameof(a) : nameof(b), "carries are counted for non-negative operands");
        }
        var ten = new BigInteger(10);
        var carries = 0;
        var carry = 0;
        while (!a.IsZero || !b.IsZero)
        {
            a = BigInteger.DivRem(a, ten, out var da);
            b = BigInteger.DivRem(b, ten, out var db);
            carry = (int)da + (int)db + carry >= 10 ? 1 : 0;
            carries += carry;
        }
        return carries;
    }
}
