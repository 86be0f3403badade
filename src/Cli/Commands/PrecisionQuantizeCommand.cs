using System.Globalization;
using System.Text.Json;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;

namespace ArithLab.Cli.Commands;

/// <summary>Quantizes values given on the command line and prints each one's code and quantized value.</summary>
internal sealed class PrecisionQuantizeCommand : ICommand
{
    public string Name => "precision quantize";

    public string Summary => "quantize values to a low-precision format and print their codes and values";

    public string Help => $"""
        usage: arithlab precision quantize --format F [--rounding R] [--scaling S] [--block N]
                                           [--seed N] [--json] values...

        Prints each input, its code (hex) and its quantized value. With a block format (MX,
        NVFP4) the values form blocks in the order given, and each block's shared scale is
        printed too.

        options:
          --format F     {PrecisionFormatName.Known}
          --rounding R   nearest-even (default), toward-zero, stochastic, nearest-away
          --scaling S    element formats only: none (default), current (scale amax to the
                         format's max, as FP8 per-tensor current scaling), current-pow2 (that
                         scale rounded down to a power of two)
          --block N      block size of a block format (default 32 for MX, 16 for NVFP4)
          --seed N       seed of stochastic rounding (default 0)
          --json         one JSON object instead of the table

        examples:
          arithlab precision quantize --format e4m3 464 464.1 -0.3
          arithlab precision quantize --format mxfp4 --block 4 0.1 2.5 -7 1000
        """;

    public int Run(CommandArguments args)
    {
        var formatName = args.Option("format") ?? throw new CommandLineException("--format is required, e.g. --format e4m3");
        var roundingName = args.Option("rounding") ?? "nearest-even";
        var rounding = ParseRounding(roundingName);
        var scaling = args.Option("scaling") ?? "none";
        var blockOption = args.Option("block");
        var seed = args.Int("seed", 0);
        var json = args.Flag("json");
        args.RejectUnknown();
        var name = PrecisionFormatName.Parse(formatName);
        if (scaling is not ("none" or "current" or "current-pow2"))
        {
            throw new CommandLineException($"--scaling must be none, current or current-pow2, got '{scaling}'");
        }
        if (name.Element is null && scaling != "none")
        {
            throw new CommandLineException($"{name.Name} is a block format with its own scales; --scaling applies to element formats");
        }
        if (name.Element is not null && blockOption is not null)
        {
            throw new CommandLineException($"--block applies to block formats (MX, NVFP4), not {name.Name}");
        }
        var block = name.Element is null ? args.Int("block", name.IsNvfp4 ? Nvfp4Quantizer.BlockSize : name.Mx!.BlockSize, min: 1) : 0;
        var values = args.Positionals.Select(ParseValue).ToArray();
        if (values.Length == 0)
        {
            throw new CommandLineException("give the values to quantize, e.g. 'arithlab precision quantize --format e4m3 0.1 464'");
        }

        using var scope = DisposeScope.Begin();
        var x = Tensor.From(values);
        var scale = 1f;
        Quantized q;
        if (name.Element is { } element)
        {
            if (scaling != "none")
            {
                scale = TensorScaling.ScaleFor(Quantizer.Amax(x), element, powerOfTwo: scaling == "current-pow2");
            }
            q = Quantizer.Encode(x, element, rounding, seed, scale);
        }
        else
        {
            q = name.IsNvfp4
                ? Nvfp4Quantizer.Encode(x, rounding: rounding, seed: seed, blockSize: block)
                : MxQuantizer.Encode(x, name.Mx!.WithBlockSize(block), rounding: rounding, seed: seed);
        }
        using (q)
        {
            var report = new Report(name, roundingName, scale, block, values, q);
            Console.Write(json ? report.Json() : report.Text());
        }
        return 0;
    }

    private static Rounding ParseRounding(string text) => text switch
    {
        "nearest-even" => Rounding.NearestEven,
        "toward-zero" => Rounding.TowardZero,
        "stochastic" => Rounding.Stochastic,
        "nearest-away" => Rounding.NearestAway,
        _ => throw new CommandLineException($"--rounding must be nearest-even, toward-zero, stochastic or nearest-away, got '{text}'"),
    };

    private static float ParseValue(string text) => text.ToLowerInvariant() switch
    {
        "nan" => float.NaN,
        "inf" or "+inf" => float.PositiveInfinity,
        "-inf" => float.NegativeInfinity,
        _ when float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new CommandLineException($"'{text}' is not a number"),
    };

    /// <summary>What one quantize run found, as a table or as JSON.</summary>
    private sealed class Report(QuantFormat name, string rounding, float scale, int block, float[] inputs, Quantized q)
    {
        private readonly float[] _values = q.Values.ToArray<float>();
        private readonly int[] _codes = q.Codes.ToArray<int>();
        private readonly int[] _scales = q.Scales?.ToArray<int>() ?? [];

        private NumberFormat Element => name.ElementFormat;

        private string ScaleText(int b) => name.IsNvfp4
            ? $"E4M3 {PrecisionShowCommand.Hex(_scales[b], Nvfp4Quantizer.ScaleFormat)} = {BlockScale(b).ToString("R", CultureInfo.InvariantCulture)}"
            : $"E8M0 0x{_scales[b]:X2} = " + (_scales[b] == 255 ? "NaN" : $"2^{_scales[b] - 127}");

        private double BlockScale(int b)
        {
            using var scope = DisposeScope.Begin();
            return Quantizer.Decode(Tensor.From([_scales[b]]), Nvfp4Quantizer.ScaleFormat).ToArray<float>()[0];
        }

        public string Text()
        {
            using var w = new StringWriter(CultureInfo.InvariantCulture);
            w.WriteLine($"format {name.Name}, rounding {rounding}" + (scale != 1f ? $", per-tensor scale {scale.ToString("R", CultureInfo.InvariantCulture)} (code of x*scale, value back in x's units)" : ""));
            if (name.IsNvfp4)
            {
                w.WriteLine($"tensor scale S = {q.TensorScale.ToString("R", CultureInfo.InvariantCulture)}");
            }
            w.WriteLine($"{"input",16}  {"code",6}  {"value",16}");
            for (var i = 0; i < inputs.Length; i++)
            {
                if (block > 0 && i % block == 0)
                {
                    w.WriteLine($"block {i / block}: scale {ScaleText(i / block)}");
                }
                w.WriteLine($"{PrecisionShowCommand.FormatValue(inputs[i]),16}  {PrecisionShowCommand.Hex(_codes[i], Element),6}  {PrecisionShowCommand.FormatValue(_values[i]),16}");
            }
            return w.ToString();
        }

        public string Json()
        {
            var result = new Dictionary<string, object?>
            {
                ["format"] = name.Name,
                ["rounding"] = rounding,
                ["scale"] = scale,
                ["values"] = inputs.Select((x, i) => new Dictionary<string, object?>
                {
                    ["input"] = JsonNumber(x),
                    ["code"] = _codes[i] < 0 ? null : PrecisionShowCommand.Hex(_codes[i], Element),
                    ["value"] = JsonNumber(_values[i]),
                }).ToArray(),
            };
            if (block > 0)
            {
                result["block"] = block;
                result["blocks"] = _scales.Select((c, b) => new Dictionary<string, object?>
                {
                    ["scale_code"] = c,
                    ["scale"] = name.IsNvfp4 ? JsonNumber((float)BlockScale(b)) : c == 255 ? "NaN" : Math.ScaleB(1.0, c - 127),
                }).ToArray();
            }
            if (name.IsNvfp4)
            {
                result["tensor_scale"] = q.TensorScale;
            }
            return JsonSerializer.Serialize(result) + Environment.NewLine;
        }

        // JSON has no NaN or Inf: those travel as strings.
        private static object JsonNumber(float v) => float.IsFinite(v) ? v : PrecisionShowCommand.FormatValue(v);
    }
}
