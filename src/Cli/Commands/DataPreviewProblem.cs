using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

namespace ArithLab.Cli.Commands;

/// <summary>
/// `arithlab data preview --problem 123+45 [--problem ...]`: the given problems, each exactly as a
/// format writes it and a position scheme numbers it — the worked examples of docs/data-formats.md.
/// </summary>
internal static class DataPreviewProblem
{
    // The options of a sampled preview that make no sense for a problem given in full.
    private static readonly string[] SamplingOptions = ["digits", "min-digits", "max-digits", "count", "operands", "set"];

    // Token texts such as '+' stay readable in JSON lines and in the quoted prompt and target.
    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // FoNE's default: one digit class per model.fone.periods entry, 5 by default.
    private const int DefaultFoneDigits = 5;

    public static int Run(CommandArguments args)
    {
        var texts = args.Options("problem");
        var taskName = args.Option("task");
        var modulus = args.Option("modulus") is null ? (int?)null : args.Int("modulus", 0, 2, TaskSpec.MaxModulus);
        var formatName = args.Option("format") ?? "plain";
        var positions = args.Option("positions") ?? "absolute";
        var mode = args.Option("mode") ?? "eval";
        var seed = args.Int("seed", 0, 0);
        var padWidth = args.Option("pad-width") is null ? (int?)null : args.Int("pad-width", 0, 1, 100_000);
        var hintOffset = args.Option("hint-offset") is null ? (int?)null : args.Int("hint-offset", 0, 0, 100_000);
        var foneDigits = args.Int("fone-digits", DefaultFoneDigits, 1, 1000);
        var spaces = args.Flag("spaces");
        var json = args.Flag("json");
        var sampling = SamplingOptions.FirstOrDefault(o => args.Options(o).Count > 0);
        args.RejectUnknown();
        if (sampling is not null)
        {
            throw new CommandLineException($"--{sampling} applies to sampled examples; --problem previews exactly the problems given");
        }
        if (args.Positionals.Count > 0)
        {
            throw new CommandLineException($"--problem takes its format from the options, not from '{args.Positionals[0]}'");
        }

        var fone = formatName == "fone";
        var scheme = Enum.GetValues<PositionScheme>().ToDictionary(s => s.ToString().ToLowerInvariant());
        var positionOptions = new PositionOptions
        {
            Scheme = scheme[DataPreviewCommand.Known("positions", positions, scheme.Keys)],
            Training = DataPreviewCommand.Known("mode", mode, ["eval", "train"]) == "train",
        };
        if (!fone)
        {
            DataPreviewCommand.Known("format", formatName, [.. FormatRegistry.Names, "fone"]);
        }
        // Without --task the operator decides; --modulus alone means modular addition.
        var task = taskName is null && modulus is null
            ? null
            : TaskRegistry.Get(DataPreviewCommand.Known("task", taskName ?? "modular-addition", TaskRegistry.Names), modulus: modulus);

        var rows = new List<string>();
        foreach (var text in texts)
        {
            try
            {
                var (spec, problem) = ProblemText.Parse(text, task);
                var format = fone ? FormatRegistry.Get("plain") : FormatRegistry.Get(formatName, FormatOptionsFor(problem, spaces, padWidth, hintOffset));
                if (!format.Supports(problem.Task))
                {
                    throw new CommandLineException($"format '{formatName}' does not write {problem.Task} problems");
                }
                var example = format.Format(problem);
                var vocabulary = fone ? CharTokenizer.VocabularyFor(format, spec, TokenText.Num) : CharTokenizer.VocabularyFor(format, spec);
                var options = new BatchOptions
                {
                    BatchSize = 1,
                    MaxLength = example.Prompt.Count + example.Target.Count + 2,
                    Positions = positionOptions,
                    FoneDigits = fone ? foneDigits : null,
                };
                var batch = BatchStream.Pack([example], vocabulary, options, (ulong)seed);
                var row = new PreviewRow(text, example, batch, vocabulary);
                rows.Add(json ? JsonSerializer.Serialize(row.ToJson(), JsonOptions) : row.ToTable(rows.Count + 1, $"{formatName}, positions {positions}, {mode}"));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
            {
                throw new CommandLineException($"--problem {text}: {e.Message}");
            }
        }
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
        return 0;
    }

    // The padded format's width defaults to the problem's longest operand, as data.pad_width: 0 does;
    // a pinned hint offset replaces the per-problem hash of the index-hint and McLeish label formats.
    private static FormatOptions FormatOptionsFor(Problem problem, bool spaces, int? padWidth, int? hintOffset) =>
        new(Spaces: spaces, PadWidth: padWidth ?? problem.Operands.Max(o => o.ToString().Length), HintOffset: hintOffset);
}
