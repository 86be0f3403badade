using System.Numerics;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>
/// An exact dyadic rational n · 2^p (BigInteger numerator, power-of-two denominator): every
/// float32 and every value of every format is one, so the reference rounds without error.
/// </summary>
public readonly record struct Dyadic(BigInteger Numerator, int Exponent) : IComparable<Dyadic>
{
    public static Dyadic Zero => new(BigInteger.Zero, 0);

    public int Sign => Numerator.Sign;

    /// <summary>The exact value of a finite float32.</summary>
    public static Dyadic FromFloat(float x)
    {
        if (!float.IsFinite(x))
        {
            throw new ArgumentException($"{x} is not finite");
        }
        var bits = BitConverter.SingleToUInt32Bits(x);
        var field = (int)((bits >> 23) & 0xFF);
        var mantissa = (long)(bits & 0x7FFFFF);
        var n = field == 0 ? mantissa : mantissa | 0x800000;
        var e = (field == 0 ? 1 : field) - 127 - 23;
        return new Dyadic((bits >> 31) != 0 ? -n : n, e);
    }

    public static Dyadic Pow2(int k) => new(BigInteger.One, k);

    public static Dyadic operator -(Dyadic a) => new(-a.Numerator, a.Exponent);

    public static Dyadic operator +(Dyadic a, Dyadic b)
    {
        var p = Math.Min(a.Exponent, b.Exponent);
        return new Dyadic((a.Numerator << (a.Exponent - p)) + (b.Numerator << (b.Exponent - p)), p);
    }

    public static Dyadic operator -(Dyadic a, Dyadic b) => a + -b;

    public static Dyadic operator *(Dyadic a, Dyadic b) => new(a.Numerator * b.Numerator, a.Exponent + b.Exponent);

    public Dyadic Abs() => new(BigInteger.Abs(Numerator), Exponent);

    /// <summary>Half of this value.</summary>
    public Dyadic Half() => new(Numerator, Exponent - 1);

    public int CompareTo(Dyadic other) => (this - other).Sign;

    public static bool operator <(Dyadic a, Dyadic b) => a.CompareTo(b) < 0;
    public static bool operator >(Dyadic a, Dyadic b) => a.CompareTo(b) > 0;
    public static bool operator <=(Dyadic a, Dyadic b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Dyadic a, Dyadic b) => a.CompareTo(b) >= 0;

    /// <summary>floor(log2 |x|) of a nonzero value.</summary>
    public int FloorLog2()
    {
        if (Numerator.IsZero)
        {
            throw new InvalidOperationException("log2 of 0");
        }
        return (int)BigInteger.Abs(Numerator).GetBitLength() - 1 + Exponent;
    }

    /// <summary>The value as a double (exact for everything the tests build: ≤ 53 significant bits).</summary>
    public double ToDouble() => Math.ScaleB((double)Numerator, Exponent);

    /// <summary>The value as a float32, which must hold it exactly.</summary>
    public float ToFloatExact()
    {
        var d = ToDouble();
        var f = (float)d;
        if (FromFloat(f).CompareTo(this) != 0)
        {
            throw new InvalidOperationException($"{d} is not a float32");
        }
        return f;
    }
}
