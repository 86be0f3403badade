using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>
/// A slow, obviously correct model of a number format, written from the standards' tables
/// (OCP 8-bit FP spec, OCP MX v1.0, IEEE 754) with exact <see cref="Dyadic"/> arithmetic:
/// decode every code, list the finite grid, and round by comparing with the two neighbours.
/// Shares no code with the native kernels.
/// </summary>
public sealed class ReferenceFormat
{
    private readonly List<(Dyadic Value, int Code)> _grid = [];

    public ReferenceFormat(NumberFormat format)
    {
        Format = format;
        E = format.ExponentBits;
        M = format.MantissaBits;
        Kind = format.Kind;
        Bias = Kind == FormatKind.Integer ? 0 : (1 << (E - 1)) - 1;
        CodeCount = Kind == FormatKind.Integer ? 256 : 1 << (1 + E + M);
        var positives = Kind == FormatKind.Integer ? 128 : CodeCount / 2;
        for (var code = 0; code < positives; code++)
        {
            var (special, value) = Decode(code);
            if (special == Special.None)
            {
                _grid.Add((value, code));
            }
        }
        _grid.Sort((a, b) => a.Value.CompareTo(b.Value));
        Max = _grid[^1].Value;
        MaxCode = _grid[^1].Code;
        // The next point past max on the grid of the top binade: 2^(emax - m) (2^-m for INT8) above it.
        var topExponent = Max.FloorLog2();
        Beyond = Max + Dyadic.Pow2(Kind == FormatKind.Integer ? -M : topExponent - M);
    }

    public enum Special
    {
        None,
        Infinity,
        NaN,
    }

    public NumberFormat Format { get; }
    public int E { get; }
    public int M { get; }
    public FormatKind Kind { get; }
    public int Bias { get; }
    public int CodeCount { get; }
    public Dyadic Max { get; }
    public int MaxCode { get; }

    /// <summary>The grid point after max if the top binade went on (464 is the midpoint of 448 and this 480 for E4M3).</summary>
    public Dyadic Beyond { get; }

    /// <summary>The non-negative finite values, ascending, with their codes.</summary>
    public IReadOnlyList<(Dyadic Value, int Code)> Grid => _grid;

    public int SignBit => Kind == FormatKind.Integer ? 0 : 1 << (E + M);

    /// <summary>What a code means, straight from the format's definition.</summary>
    public (Special Special, Dyadic Value) Decode(int code)
    {
        if (Kind == FormatKind.Integer)
        {
            var v = code >= 128 ? code - 256 : code;
            return (Special.None, new Dyadic(v, -M));
        }
        var negative = (code >> (E + M)) != 0;
        var field = (code >> M) & ((1 << E) - 1);
        var mantissa = code & ((1 << M) - 1);
        var top = (1 << E) - 1;
        if (Kind == FormatKind.Ieee && field == top)
        {
            return (mantissa == 0 ? Special.Infinity : Special.NaN, Dyadic.Zero);
        }
        if (Kind == FormatKind.FiniteAndNaN && field == top && mantissa == (1 << M) - 1)
        {
            return (Special.NaN, Dyadic.Zero);
        }
        var magnitude = field == 0
            ? new Dyadic(mantissa, 1 - Bias - M)                  // subnormal: 0.m × 2^(1 − bias)
            : new Dyadic((1 << M) + mantissa, field - Bias - M);  // normal: 1.m × 2^(field − bias)
        return (Special.None, negative ? -magnitude : magnitude);
    }

    /// <summary>The float32 a code decodes to (NaN for NaN codes).</summary>
    public float DecodeFloat(int code)
    {
        var (special, value) = Decode(code);
        var negative = Kind == FormatKind.Integer ? code >= 128 : (code & SignBit) != 0;
        return special switch
        {
            Special.NaN => BitConverter.UInt32BitsToSingle(negative ? 0xFFC00000 : 0x7FC00000),
            Special.Infinity => negative ? float.NegativeInfinity : float.PositiveInfinity,
            _ => value.Sign == 0 && negative ? -0f : value.ToFloatExact(),
        };
    }

    /// <summary>The grid points at or just below and at or just above |x| (up to <see cref="Beyond"/>), and where |x| lies between them.</summary>
    public (int Lower, int Upper) Neighbours(Dyadic magnitude)
    {
        // Binary search for the first grid point >= |x|.
        int low = 0, high = _grid.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_grid[middle].Value < magnitude)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        var upper = low;
        // upper == _grid.Count means the neighbour above is Beyond.
        var lower = upper < _grid.Count && _grid[upper].Value.CompareTo(magnitude) == 0 ? upper : upper - 1;
        return (lower, upper);
    }

    private Dyadic PointValue(int index) => index < _grid.Count ? _grid[index].Value : Beyond;

    private int PointCode(int index) => index < _grid.Count ? _grid[index].Code : MaxCode + 1;

    /// <summary>
    /// Rounds a float32 as the format with <paramref name="rounding"/> (not Stochastic) and the
    /// format's overflow policy: the value and the code.
    /// </summary>
    public (float Value, int Code) Round(float x, Rounding rounding)
    {
        if (rounding == Rounding.Stochastic)
        {
            throw new ArgumentException("stochastic rounding has no single answer; use Neighbours");
        }
        var negative = float.IsNegative(x);
        if (float.IsNaN(x))
        {
            return (float.NaN, NaNCode(negative));
        }
        if (float.IsInfinity(x))
        {
            return Overflowed(negative, towardZero: false);
        }
        return Round(Dyadic.FromFloat(x).Abs(), negative, rounding);
    }

    /// <summary>Rounds an exact magnitude, signed afterwards (<see cref="Round(float, Rounding)"/> for finite values).</summary>
    public (float Value, int Code) Round(Dyadic a, bool negative, Rounding rounding)
    {
        if (a > Beyond)
        {
            return Overflowed(negative, rounding == Rounding.TowardZero);
        }
        var (lower, upper) = Neighbours(a);
        int chosen;
        if (lower == upper || rounding == Rounding.TowardZero)
        {
            chosen = lower;
        }
        else
        {
            var mid = (PointValue(lower) + PointValue(upper)).Half();
            var c = a.CompareTo(mid);
            chosen = c < 0 ? lower
                : c > 0 ? upper
                : rounding == Rounding.NearestAway ? upper
                : PointCode(lower) % 2 == 0 ? lower : upper;  // ties to the even code
        }
        if (chosen == _grid.Count)
        {
            return Overflowed(negative, rounding == Rounding.TowardZero);
        }
        return Signed(_grid[chosen].Value, _grid[chosen].Code, negative);
    }

    private (float, int) Signed(Dyadic magnitude, int code, bool negative)
    {
        var f = magnitude.ToFloatExact();
        if (!negative)
        {
            return (f, code);
        }
        return (-f, Kind == FormatKind.Integer ? (256 - code) & 0xFF : code | SignBit);
    }

    private (float, int) Overflowed(bool negative, bool towardZero)
    {
        if (towardZero || Format.Overflow == Overflow.Saturate)
        {
            return Signed(Max, MaxCode, negative);
        }
        var top = ((1 << E) - 1) << M;
        return Kind == FormatKind.Ieee
            ? (negative ? float.NegativeInfinity : float.PositiveInfinity, top | (negative ? SignBit : 0))
            : (float.NaN, NaNCode(negative));
    }

    /// <summary>The NaN code the lab writes: quiet NaN (mantissa MSB) for IEEE, S.1..1.1..1 for E4M3-like, none (−1) for formats without NaN.</summary>
    public int NaNCode(bool negative)
    {
        var top = ((1 << E) - 1) << M;
        var sign = negative ? SignBit : 0;
        return Kind switch
        {
            FormatKind.Ieee => top | (1 << (M - 1)) | sign,
            FormatKind.FiniteAndNaN => top | ((1 << M) - 1) | sign,
            _ => -1,
        };
    }
}
