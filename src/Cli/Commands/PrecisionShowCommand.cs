using System.Globalization;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;

namespace ArithLab.Cli.Commands;

/// <summary>Prints a number format's parameters and, for formats of 8 bits or fewer, every code and its value.</summary>
internal sealed class PrecisionShowCommand : ICommand
{
    public string Name => "precision show";

    public string Summary => "show a low-precision format: bias, range, special values and every code";

    public string Help => $"""
        usage: arithlab precision show <format>

        Prints the format's bias, largest finite value, smallest normal and subnormal values,
        its special values and, for formats of 8 bits or fewer, the table of every code and
        its value. A block format (MX, NVFP4) shows its block and scale rules and its element
        format. docs/precision.md gives each format's standard.

        formats: {PrecisionFormatName.Known}

        examples:
          arithlab precision show e4m3
          arithlab precision show mxfp4
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        if (args.Positionals.Count != 1)
        {
            throw new CommandLineException("name one format, e.g. 'arithlab precision show e4m3'");
        }
        var name = PrecisionFormatName.Parse(args.Positionals[0]);
        if (name.Mx is { } mx)
        {
            Console.WriteLine($"{mx.Name}: OCP Microscaling (MX) v1.0 block format");
            Console.WriteLine($"  blocks of {mx.BlockSize} elements along the reduction dimension, one shared E8M0 scale each");
            Console.WriteLine($"  scale = 2^(floor(log2 amax) - {mx.ElementMaxExponent}) (emax_elem = {mx.ElementMaxExponent}), clamped to 2^-127..2^127; code = exponent + 127, 0xFF = NaN");
            Console.WriteLine("  an all-zero block gets 2^-127; elements saturate at the element max");
            Console.WriteLine();
        }
        else if (name.IsNvfp4)
        {
            Console.WriteLine("nvfp4: NVIDIA NVFP4 block format");
            Console.WriteLine($"  blocks of {Nvfp4Quantizer.BlockSize} E2M1 elements, each with an E4M3 block scale, under an fp32 per-tensor scale");
            Console.WriteLine("  S = amax(tensor) / (448 * 6); block scale b = E4M3((amax(block) / 6) / S); value = E2M1(x / (b*S)) * b*S");
            Console.WriteLine();
        }
        PrintElement(name.ElementFormat);
        return 0;
    }

    private static void PrintElement(NumberFormat f)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(f.Kind == FormatKind.Integer
            ? $"{f.Name}: 8-bit two's complement integer with {f.MantissaBits} fraction bits (value = code / {1 << f.MantissaBits})"
            : $"{f.Name}: {f.Bits} bits = 1 sign, {f.ExponentBits} exponent, {f.MantissaBits} mantissa ({f.Kind})");
        Console.WriteLine($"  bias                {f.Bias}");
        Console.WriteLine($"  exponent range      {f.MinExponent} .. {f.MaxExponent}");
        Console.WriteLine($"  max finite          {f.MaxFinite.ToString("R", inv)}");
        Console.WriteLine($"  min normal          {f.MinNormal.ToString("R", inv)}");
        Console.WriteLine($"  min subnormal       {f.MinSubnormal.ToString("R", inv)}");
        Console.WriteLine($"  specials            {Specials(f)}");
        Console.WriteLine($"  overflow (default)  {(f.Overflow == Overflow.Saturate ? "saturate to ±max" : f.HasInfinity ? "±Inf" : "NaN")}");
        if (f.Bits > 8)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("  code  bits        value");
        var count = 1 << f.Bits;
        using var scope = DisposeScope.Begin();
        var values = Quantizer.Decode(Tensor.From(Enumerable.Range(0, count).ToArray()), f).ToArray<float>();
        for (var code = 0; code < count; code++)
        {
            Console.WriteLine($"  {Hex(code, f)}  {Fields(code, f),-10}  {FormatValue(values[code])}");
        }
    }

    private static string Specials(NumberFormat f) => f.Kind switch
    {
        FormatKind.Ieee => $"±Inf = exponent all ones, mantissa 0; NaN = exponent all ones, mantissa ≠ 0; ±0",
        FormatKind.FiniteAndNaN => "NaN = S.1…1.1…1 (no infinities); ±0",
        FormatKind.Finite => "none: every code is a finite number; ±0",
        _ => "none; 0x80 (-2) lies outside the symmetric range the lab rounds onto",
    };

    internal static string Hex(long code, NumberFormat f) =>
        code < 0 ? "-" : "0x" + code.ToString("X" + ((f.Bits + 3) / 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Fields(int code, NumberFormat f)
    {
        var bits = Convert.ToString(code, 2).PadLeft(f.Bits, '0');
        return f.Kind == FormatKind.Integer ? bits : $"{bits[0]} {bits[1..(1 + f.ExponentBits)]} {bits[(1 + f.ExponentBits)..]}".TrimEnd();
    }

    internal static string FormatValue(float v) => v switch
    {
        float.PositiveInfinity => "Inf",
        float.NegativeInfinity => "-Inf",
        _ when float.IsNaN(v) => "NaN",
        0 when float.IsNegative(v) => "-0",
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };
}
