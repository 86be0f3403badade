using System.Numerics;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Tasks;

public sealed class DigitArithmeticTests
{
    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 200)]
    public bool Add_matches_BigInteger(LongNumber a, LongNumber b) => Add(a.Value, b.Value) == a.Value + b.Value;

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 200)]
    public bool Subtract_matches_BigInteger_when_a_is_at_least_b(LongNumber a, LongNumber b)
    {
        var (hi, lo) = a.Value >= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        var r = new DigitString();
        DigitArithmetic.Subtract(DigitString.From(hi), DigitString.From(lo), r);
        return r.ToBigInteger() == hi - lo;
    }

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 100)]
    public bool Multiply_matches_BigInteger(LongNumber a, LongNumber b)
    {
        var r = new DigitString();
        DigitArithmetic.Multiply(DigitString.From(a.Value), DigitString.From(b.Value), r);
        return r.ToBigInteger() == a.Value * b.Value;
    }

    [Fact]
    public void Multiply_handles_1000_digit_operands_of_all_nines()
    {
        // All nines maximise the column sums, the case that would overflow unnormalised accumulators.
        var nines = BigInteger.Pow(10, 1000) - 1;
        var r = new DigitString();
        DigitArithmetic.Multiply(DigitString.From(nines), DigitString.From(nines), r);
        Assert.Equal(nines * nines, r.ToBigInteger());
    }

    [Fact]
    public void Subtract_rejects_a_smaller_than_b()
    {
        var ex = Assert.Throws<ArgumentException>(() => DigitArithmetic.Subtract(DigitString.From(3), DigitString.From(12), new DigitString()));
        Assert.Contains("a ≥ b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mod_matches_BigInteger_remainder()
    {
        var v = BigInteger.Parse("98765432109876543210987654321", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((int)(v % 9973), DigitArithmetic.Mod(DigitString.From(v), 9973));
    }

    [Fact]
    public void Results_have_no_leading_zeros()
    {
        var r = new DigitString();
        DigitArithmetic.Subtract(DigitString.From(1000), DigitString.From(999), r);
        Assert.Equal("1", r.ToString());
    }

    private static BigInteger Add(BigInteger a, BigInteger b)
    {
        var r = new DigitString();
        DigitArithmetic.Add(DigitString.From(a), DigitString.From(b), r);
        return r.ToBigInteger();
    }
}
