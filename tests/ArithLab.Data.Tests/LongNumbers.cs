using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace ArithLab.Data.Tests;

/// <summary>A non-negative integer of 1 to 200 digits, for property tests.</summary>
public sealed record LongNumber(BigInteger Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>FsCheck generators: numbers up to 200 digits, built digit by digit (leading zeros collapse).</summary>
public static class LongNumbers
{
    public static Arbitrary<LongNumber> Numbers() =>
        Gen.Choose(1, 200)
            .SelectMany(n => Gen.Choose(0, 9).ArrayOf(n))
            .Select(ds => new LongNumber(BigInteger.Parse(string.Concat(ds), System.Globalization.CultureInfo.InvariantCulture)))
            .ToArbitrary();
}

internal static class Texts
{
    public static string Of(IReadOnlyList<FormattedToken> tokens) => string.Concat(tokens.Select(t => t.Text));

    public static IReadOnlyList<string> Strings(IReadOnlyList<FormattedToken> tokens) => tokens.Select(t => t.Text).ToList();
}
