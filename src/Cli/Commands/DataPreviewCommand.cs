using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Formats;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Commands;

/// <summary>Shows examples of a task and format as the model sees them: text, token ids, position ids, loss mask.</summary>
internal sealed class DataPreviewCommand : ICommand
{
    private static readonly Dictionary<string, PositionScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["none"] = PositionScheme.None,
        ["absolute"] = PositionScheme.Absolute,
        ["abacus"] = PositionScheme.Abacus,
        ["coupled"] = PositionScheme.Coupled,
    };

    // Token texts such as '+' stay readable in JSON lines.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "data preview";

    public string Summary => "print examples of a task and format as text, token ids and position ids";

    public string Help => """
        usage: arithlab data preview [options]
               arithlab data preview <experiment.yaml> [--set key.path=value ...] [--mode M] [--count N] [--json]
               arithlab data preview --problem 123+45 [--problem 12*34 ...] [--format F] [--positions S] [--json]

        Prints examples as the batcher lays them out: [BOS] prompt target [EOS], with token ids,
        position ids and the loss mask (1 where the next token is scored).

        With an experiment YAML, the examples are the experiment's own: in train mode the first
        rows of the first training batch the trainer draws for the config's seed (format, split,
        lengths, random offsets and data.loss_on as in training); in eval mode held-out problems
        with evaluation position ids, as the held-out check scores them. The task and format
        options below then come from the file and may not be given.

        options:
          --task NAME          task (default addition): addition, subtraction, multiplication, ...
          --format NAME        format of the task (default plain): plain, reversed, reversed-all, ...
          --digits N           operand digits; or --min-digits / --max-digits (default 1..5)
          --operands K         operands of multi-addition, list length of sorting
          --modulus P          modulus of modular-addition
          --count N            examples to print (default 5)
          --positions SCHEME   none | absolute | abacus | coupled (default absolute)
          --mode MODE          eval (fixed offsets) | train (random absolute/Abacus/coupled offsets);
                               default eval with flags or --problem, train with an experiment YAML
          --seed N             random seed (default 0)
          --set key.path=value with a YAML: override one key (repeatable)
          --json               one JSON object per line: text, tokens, ids, positions, loss_mask
                               (with --problem also prompt, target, next_tokens; FoNE values, digits)

        --problem TEXT (repeatable) prints exactly that problem: 123+45, 12*34 (or 12x34), 45-123
        (signed when a < b), 123+45+6 (multi-addition), 3,12,5 (sorting). With it:
          --task NAME          when the operator is not enough: signed-subtraction, modular-addition
          --modulus P          modular addition mod P (each residue one token)
          --format NAME        any format above, or fone (numbers as [NUM] tokens, --fone-digits D, default 5)
          --spaces             a space token between every two tokens (plain-line formats)
          --pad-width N        padded: operand width (default the longest operand)
          --hint-offset N      index-hints, index-hints-mcleish, sorting-mcleish: fixed offset into the hint cycle

        examples:
          arithlab data preview --task addition --format reversed --digits 3 --positions coupled
          arithlab data preview experiments/cho2024-position-coupling.yaml --mode train --count 3
          arithlab data preview --problem 123+45 --format reversed --positions coupled
        """;

    public int Run(CommandArguments args)
    {
        if (args.Options("problem").Count > 0)
        {
            return DataPreviewProblem.Run(args);
        }
        if (args.Positionals.Count > 0)
        {
            return RunExperiment(args);
        }
        var taskName = args.Option("task") ?? "addition";
        var formatName = args.Option("format") ?? "plain";
        var digits = args.Option("digits");
        var minDigits = args.Int("min-digits", 1, 1, 10_000);
        var maxDigits = args.Int("max-digits", 5, 1, 10_000);
        var operands = args.Option("operands") is null ? (int?)null : args.Int("operands", 0, 1, 1000);
        var modulus = args.Option("modulus") is null ? (int?)null : args.Int("modulus", 0, 2, TaskSpec.MaxModulus);
        var count = args.Int("count", 5, 1, 10_000);
        var positions = args.Option("positions") ?? "absolute";
        var mode = args.Option("mode") ?? "eval";
        var seed = args.Int("seed", 0, 0);
        var json = args.Flag("json");
        args.RejectUnknown();

        taskName = Known("task", taskName, TaskRegistry.Names);
        formatName = Known("format", formatName, FormatRegistry.Names);
        var scheme = Schemes[Known("positions", positions, Schemes.Keys)];
        var training = Known("mode", mode, ["eval", "train"]) == "train";
        if (digits is not null)
        {
            if (!int.TryParse(digits, out var d) || d < 1 || d > 10_000)
            {
                throw new CommandLineException($"--digits must be an integer in [1, 10000], got '{digits}'");
            }
            minDigits = maxDigits = d;
        }
        if (minDigits > maxDigits)
        {
            throw new CommandLineException($"--min-digits ({minDigits}) is larger than --max-digits ({maxDigits})");
        }

        if (operands is not null && taskName is not ("multi-addition" or "sorting"))
        {
            throw new CommandLineException($"--operands applies to multi-addition and sorting; {taskName} takes 2 operands");
        }
        if (modulus is not null && taskName != "modular-addition")
        {
            throw new CommandLineException($"--modulus applies to modular-addition, not {taskName}");
        }

        try
        {
            var task = TaskRegistry.Get(taskName, operands, modulus);
            var format = FormatRegistry.Get(formatName);
            if (!format.Supports(task.Kind))
            {
                var supporting = FormatRegistry.Names.Where(n => FormatRegistry.Get(n).Supports(task.Kind));
                throw new CommandLineException($"format '{formatName}' does not write {taskName} problems; formats that do: {string.Join(", ", supporting)}");
            }
            var tokens = ExampleSize.Estimate(task, format, maxDigits);
            if (tokens > ExampleSize.MaxTokens)
            {
                throw new CommandLineException(
                    $"one {formatName} {taskName} example of {maxDigits} digits would have about {tokens:N0} tokens, more than the {ExampleSize.MaxTokens:N0} a preview prints; use fewer --digits");
            }
            var vocabulary = CharTokenizer.VocabularyFor(format, task);
            var sampler = new ProblemSampler(new SamplerOptions(task, minDigits, maxDigits, Seed: (ulong)seed));
            // One example at a time, printed as soon as it is made: memory stays that of one example
            // whatever --count is. In train mode each row draws its random offsets as a batch of its own.
            for (var i = 0; i < count; i++)
            {
                var example = format.Format(sampler.Next());
                var options = new BatchOptions
                {
                    MaxLength = example.Prompt.Count + example.Target.Count + 2,
                    Positions = new PositionOptions { Scheme = scheme, Training = training },
                };
                var batch = BatchStream.Pack([example], vocabulary, options, (ulong)seed + (ulong)i);
                Print(batch, 1, vocabulary, _ => example.Text, json, firstIndex: i);
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new CommandLineException(e.Message);
        }
        return 0;
    }

    /// <summary>The examples of an experiment YAML, built by the same <see cref="ExperimentData"/> the trainer uses.</summary>
    private static int RunExperiment(CommandArguments args)
    {
        var overrides = args.Options("set");
        var count = args.Int("count", 5, 1, 10_000);
        var mode = args.Option("mode") ?? "train";
        var json = args.Flag("json");
        var fromFile = new[] { "task", "format", "digits", "min-digits", "max-digits", "operands", "modulus", "positions", "seed" }
            .FirstOrDefault(o => args.Option(o) is not null);
        args.RejectUnknown();
        if (fromFile is not null)
        {
            throw new CommandLineException($"--{fromFile} comes from the experiment YAML; change it there or with --set");
        }
        var training = Known("mode", mode, ["eval", "train"]) == "train";
        var (_, config) = ExperimentYaml.Load(args, overrides);
        try
        {
            var data = new ExperimentData(config);
            if (training)
            {
                // The trainer's first batch for this seed: what step 1 trains on.
                var batch = data.TrainStream(config.Seed).Next();
                Print(batch, Math.Min(count, batch.Size), data.Vocabulary, b => TextOf(batch, b, data.Vocabulary), json);
            }
            else
            {
                var problems = data.HeldOutProblems(count);
                var batch = data.Pack(problems);
                Print(batch, batch.Size, data.Vocabulary, b => data.Format.Format(problems[b]).Text, json);
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new CommandLineException(e.Message);
        }
        return 0;
    }

    private static void Print(Batch batch, int rows, Vocabulary vocabulary, Func<int, string> text, bool json, int firstIndex = 0)
    {
        for (var b = 0; b < rows; b++)
        {
            var length = batch.Lengths[b];
            var ids = batch.Row(batch.TokenIds, b)[..length].ToArray();
            var tokens = ids.Select(vocabulary.Token).ToArray();
            var ps = batch.Row(batch.PositionIds, b)[..length].ToArray();
            var mask = batch.Row(batch.LossMask, b)[..length].ToArray().Select(m => (int)m).ToArray();
            Console.WriteLine(json
                ? JsonSerializer.Serialize(new { text = text(b), tokens, ids, positions = ps, loss_mask = mask }, JsonOptions)
                : Table(firstIndex + b + 1, text(b), tokens, ids, ps, mask));
        }
    }

    // A training batch keeps token ids, not the example text: spell the row without its [BOS] and [EOS].
    private static string TextOf(Batch batch, int row, Vocabulary vocabulary)
    {
        var ids = batch.Row(batch.TokenIds, row)[..batch.Lengths[row]].ToArray();
        return string.Concat(ids.Where(id => id is not (Vocabulary.BosId or Vocabulary.EosId or Vocabulary.PadId)).Select(vocabulary.Token));
    }

    internal static string Known(string option, string value, IEnumerable<string> known)
    {
        var names = known.ToArray();
        if (names.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        var closest = ClosestName.Find(value, names);
        throw new CommandLineException(
            $"unknown {option} '{value}'" + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (known: {string.Join(", ", names)})");
    }

    private static string Table(int index, string text, string[] tokens, int[] ids, int[] positions, int[] mask)
    {
        var widths = tokens.Select((t, i) => new[] { t.Length, Digits(ids[i]), Digits(positions[i]) }.Max()).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine($"#{index}  {text}");
        Line(sb, "token", tokens, widths);
        Line(sb, "id", ids.Select(i => i.ToString()).ToArray(), widths);
        Line(sb, "position", positions.Select(i => i.ToString()).ToArray(), widths);
        Line(sb, "loss", mask.Select(i => i.ToString()).ToArray(), widths);
        return sb.ToString();
    }

    private static int Digits(int value) => value.ToString().Length;

    private static void Line(StringBuilder sb, string label, string[] cells, int[] widths)
    {
        sb.Append("  ").Append(label.PadRight(9));
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(' ').Append(cells[i].PadLeft(widths[i]));
        }
        sb.AppendLine();
    }
}
