using ArithLab.Torch.Native;

namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// A low-precision number format ExMy: a sign bit, <see cref="ExponentBits"/> exponent bits with
/// bias 2^(e-1) − 1, <see cref="MantissaBits"/> mantissa bits and subnormals; <see cref="Kind"/>
/// says what the all-ones exponent means. Values are carried in float32, so e ≤ 8 and m ≤ 23.
/// <code>
/// var e4m3 = NumberFormat.E4M3;               // OCP FP8, max 448, float8_e4m3fn
/// var e3m4 = NumberFormat.Custom(3, 4);       // any e, m (IEEE-style specials by default)
/// var sat = NumberFormat.E5M2.With(Overflow.Saturate);
/// </code>
/// </summary>
public sealed record NumberFormat
{
    /// <param name="name">A display name, e.g. "e4m3".</param>
    /// <param name="exponentBits">1..8 (0 for <see cref="FormatKind.Integer"/>).</param>
    /// <param name="mantissaBits">0..23 (fraction bits for an integer format).</param>
    /// <param name="kind">What the top exponent means.</param>
    /// <param name="overflow">What a value past max becomes; must be Saturate for Finite and Integer formats.</param>
    public NumberFormat(string name, int exponentBits, int mantissaBits, FormatKind kind, Overflow overflow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (kind == FormatKind.Integer)
        {
            if (exponentBits != 0 || mantissaBits is < 0 or > 14)
            {
                throw new ArgumentException($"an integer format has 0 exponent bits and 0..14 fraction bits, got e{exponentBits}m{mantissaBits}");
            }
        }
        else
        {
            if (exponentBits is < 1 or > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(exponentBits), exponentBits, "exponent bits must be in 1..8 (float32 carries the values)");
            }
            if (mantissaBits is < 0 or > 23)
            {
                throw new ArgumentOutOfRangeException(nameof(mantissaBits), mantissaBits, "mantissa bits must be in 0..23 (float32 carries the values)");
            }
            if (exponentBits == 8 && kind != FormatKind.Ieee)
            {
                throw new ArgumentException("an 8-bit exponent format must be Ieee: float32 holds no larger range");
            }
            if (kind != FormatKind.Finite && mantissaBits == 0)
            {
                throw new ArgumentException($"a {kind} format needs at least one mantissa bit to encode NaN");
            }
        }
        if (overflow == Overflow.InfOrNaN && kind is FormatKind.Finite or FormatKind.Integer)
        {
            throw new ArgumentException($"{name} has no Inf or NaN: its overflow policy must be Saturate");
        }
        Name = name;
        ExponentBits = exponentBits;
        MantissaBits = mantissaBits;
        Kind = kind;
        Overflow = overflow;
    }

    public string Name { get; }
    public int ExponentBits { get; }
    public int MantissaBits { get; }
    public FormatKind Kind { get; }
    public Overflow Overflow { get; }

    /// <summary>OCP FP8 E4M3 (torch.float8_e4m3fn): bias 7, max 448, no infinities, NaN = S.1111.111.
    /// Non-saturating by default, as the OCP spec's and PyTorch's cast.</summary>
    public static NumberFormat E4M3 { get; } = new("e4m3", 4, 3, FormatKind.FiniteAndNaN, Overflow.InfOrNaN);

    /// <summary>OCP FP8 E5M2 (torch.float8_e5m2): bias 15, max 57344, IEEE infinities and NaNs.</summary>
    public static NumberFormat E5M2 { get; } = new("e5m2", 5, 2, FormatKind.Ieee, Overflow.InfOrNaN);

    /// <summary>OCP MX FP6 E3M2: bias 3, max 28, no Inf or NaN.</summary>
    public static NumberFormat E3M2 { get; } = new("e3m2", 3, 2, FormatKind.Finite, Overflow.Saturate);

    /// <summary>OCP MX FP6 E2M3: bias 1, max 7.5, no Inf or NaN.</summary>
    public static NumberFormat E2M3 { get; } = new("e2m3", 2, 3, FormatKind.Finite, Overflow.Saturate);

    /// <summary>OCP MX FP4 E2M1: bias 1, grid 0, 0.5, 1, 1.5, 2, 3, 4, 6, no Inf or NaN.</summary>
    public static NumberFormat E2M1 { get; } = new("e2m1", 2, 1, FormatKind.Finite, Overflow.Saturate);

    /// <summary>bfloat16: float32's exponent range with 7 mantissa bits.</summary>
    public static NumberFormat BFloat16 { get; } = new("bf16", 8, 7, FormatKind.Ieee, Overflow.InfOrNaN);

    /// <summary>IEEE 754 binary16: bias 15, max 65504.</summary>
    public static NumberFormat Float16 { get; } = new("fp16", 5, 10, FormatKind.Ieee, Overflow.InfOrNaN);

    /// <summary>OCP MX INT8 element: two's complement with an implicit scale 2^-6, clamped to ±127/64 as microxcaling does.</summary>
    public static NumberFormat Int8 { get; } = new("int8", 0, 6, FormatKind.Integer, Overflow.Saturate);

    /// <summary>The named presets, in display order.</summary>
    public static IReadOnlyList<NumberFormat> Presets { get; } = [E4M3, E5M2, E3M2, E2M3, E2M1, BFloat16, Float16, Int8];

    /// <summary>Any ExMy; with the default <see cref="FormatKind.Ieee"/> the top exponent holds Inf and NaN.</summary>
    public static NumberFormat Custom(int exponentBits, int mantissaBits, FormatKind kind = FormatKind.Ieee, Overflow? overflow = null) =>
        new($"e{exponentBits}m{mantissaBits}", exponentBits, mantissaBits, kind,
            overflow ?? (kind is FormatKind.Finite or FormatKind.Integer ? Overflow.Saturate : Overflow.InfOrNaN));

    /// <summary>This format with another overflow policy.</summary>
    public NumberFormat With(Overflow overflow) => new(Name, ExponentBits, MantissaBits, Kind, overflow);

    /// <summary>Bits in a code: sign + exponent + mantissa (8 for INT8).</summary>
    public int Bits => Kind == FormatKind.Integer ? 8 : 1 + ExponentBits + MantissaBits;

    public int Bias => Kind == FormatKind.Integer ? 0 : (1 << (ExponentBits - 1)) - 1;

    /// <summary>The exponent of the smallest normal number, 1 − bias.</summary>
    public int MinExponent => Kind == FormatKind.Integer ? 0 : 1 - Bias;

    /// <summary>The exponent of the largest binade (emax; OCP MX calls it emax_elem): 8 for E4M3, 15 for E5M2, 0 for INT8.</summary>
    public int MaxExponent => Kind switch
    {
        FormatKind.Integer => 0,
        FormatKind.Ieee => (1 << ExponentBits) - 2 - Bias,
        _ => (1 << ExponentBits) - 1 - Bias,
    };

    /// <summary>The largest finite value (448 for E4M3, 57344 for E5M2, 6 for E2M1).</summary>
    public double MaxFinite => Kind == FormatKind.Integer
        ? Math.ScaleB(127, -MantissaBits)
        : Math.ScaleB((1 << MantissaBits) + (1 << MantissaBits) - (Kind == FormatKind.FiniteAndNaN ? 2 : 1), MaxExponent - MantissaBits);

    /// <summary>The smallest positive normal value, 2^(1 − bias).</summary>
    public double MinNormal => Kind == FormatKind.Integer ? 1.0 : Math.ScaleB(1.0, MinExponent);

    /// <summary>The smallest positive value, 2^(1 − bias − m).</summary>
    public double MinSubnormal => Math.ScaleB(1.0, MinExponent - MantissaBits);

    public bool HasInfinity => Kind == FormatKind.Ieee;

    public bool HasNaN => Kind is FormatKind.Ieee or FormatKind.FiniteAndNaN;

    /// <summary>
    /// A format by name: a preset (e4m3, e5m2, e3m2, e2m3, e2m1, bf16, fp16, int8; also fp8-e4m3,
    /// fp8-e5m2, fp6-e3m2, fp6-e2m3, fp4, bfloat16, float16) or any "eXmY" (Ieee specials).
    /// </summary>
    public static NumberFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        var preset = key switch
        {
            "e4m3" or "fp8-e4m3" or "float8_e4m3fn" => E4M3,
            "e5m2" or "fp8-e5m2" or "float8_e5m2" => E5M2,
            "e3m2" or "fp6-e3m2" => E3M2,
            "e2m3" or "fp6-e2m3" => E2M3,
            "e2m1" or "fp4" or "fp4-e2m1" => E2M1,
            "bf16" or "bfloat16" => BFloat16,
            "fp16" or "float16" or "half" => Float16,
            "int8" => Int8,
            _ => null,
        };
        if (preset is not null)
        {
            return preset;
        }
        var m = System.Text.RegularExpressions.Regex.Match(key, "^e([0-9]+)m([0-9]+)$");
        if (m.Success)
        {
            return Custom(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        throw new ArgumentException($"unknown number format '{name}'; known: {string.Join(", ", Presets.Select(p => p.Name))}, or eXmY");
    }

    internal AlFormat Native => new(ExponentBits, MantissaBits, (int)Kind, (int)Overflow);

    public override string ToString() => Name;
}
