using System.Globalization;
using System.Numerics;

namespace ArithLab.Training.Tests.Evaluation;

internal static class Lengths
{
    public static int Of(BigInteger n) => n.ToString(CultureInfo.InvariantCulture).Length;

    public static int DigitSum(BigInteger n) => n.ToString(CultureInfo.InvariantCulture).Sum(c => c - '0');
}
