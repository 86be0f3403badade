using System.Globalization;
using System.Runtime.InteropServices;
using ArithLab.Torch.Safetensors;
using ArithLab.Training;
using ArithLab.Training.Config;
using ArithLab.Training.Units;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab units train|bench`: the arithmetic-unit benchmark of Madsen &amp; Johansen (2020), docs/units.md.</summary>
internal sealed class UnitsCommand : ICommand
{
    public string Name => "units";

    public string Summary => "train arithmetic units (NAU, NMU, NAC, NALU) on the simple-function task, one seed or a table over seeds";

    public string Help => """
        usage: arithlab units train <units.yaml> [--set key=value ...] [--run-dir DIR] [--resume]
               arithlab units bench <units.yaml> [<units.yaml> ...] --seeds 0..99 [--jobs N] [--set key=value ...] [--out DIR] [--finished-only]

        The "simple function static" task of Madsen & Johansen (2020): x ∈ R^n, t = a ∘ b of two
        overlapping subset sums, a two-layer network of arithmetic units, success when the test
        (extrapolation) MSE at the best validation step is below that of the ε-perturbed exact solution.
        Keys of units.yaml: `arithlab config explain units`; experiments/units/ holds the paper's rows.

        train   one seed into {runtime.run_dir}/{name}-{hash}-s{seed}/: config.resolved.yaml, seed,
                version, metrics.jsonl (every evaluation), checkpoints/, eval/outcome.json, plots/.
                --resume continues the latest checkpoint on the same curve. Ctrl-C or SIGTERM
                checkpoints and exits with code 130.
        bench   every seed of every YAML, --jobs seeds at once (default: the number of cores), into
                {runtime.run_dir}/units-bench-{names}/ (or --out): table.md (success with Wilson 95%
                interval, solved at, sparsity error), per-seed metrics and outcomes, plots/.
                Seeds already finished there are read back, not trained again; with
                --finished-only nothing is trained and the table counts the finished seeds.

        example:
          arithlab units train experiments/units/nau-add.yaml --set train.iterations=20000
          arithlab units bench experiments/units/nmu-mul.yaml --seeds 0..19 --jobs 2
        """;

    public int Run(CommandArguments args)
    {
        if (args.Positionals.Count == 0 || args.Positionals[0] is not ("train" or "bench"))
        {
            throw new CommandLineException("expected `units train <units.yaml>` or `units bench <units.yaml> --seeds A..B`");
        }
        var verb = args.Positionals[0];
        var files = args.Positionals.Skip(1).ToList();
        var overrides = args.Options("set");
        if (files.Count == 0)
        {
            throw new CommandLineException("expected a units YAML file");
        }
        foreach (var missing in files.Where(f => !File.Exists(f)))
        {
            throw new CommandLineException($"no such file: {missing}");
        }
        var configs = files.Select(f => UnitsConfigLoader.Load(f, overrides)).ToList();
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
                Console.Error.WriteLine("\nstopping (Ctrl-C again to abort)");
            }
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
            Console.Error.WriteLine("\nterminated: stopping");
        });
        try
        {
            return verb == "train" ? Train(args, configs, cancellation.Token) : Bench(args, configs, files, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int Train(CommandArguments args, List<UnitsConfig> configs, CancellationToken cancellation)
    {
        var resume = args.Flag("resume");
        var runDir = args.Option("run-dir");
        args.RejectUnknown();
        if (configs.Count != 1)
        {
            throw new CommandLineException("units train takes one units YAML");
        }
        var config = configs[0];
        var path = runDir ?? UnitsRun.DefaultPath(config);
        if (resume && !Directory.Exists(path))
        {
            throw new CommandLineException($"nothing to resume: {path} does not exist");
        }
        var outcome = UnitsRun.Train(config, path, resume, Console.Out, cancellation);
        if (outcome is null)
        {
            return ExitCodes.Interrupted;
        }
        Console.WriteLine($"{(outcome.Success ? "success" : "not solved")}: test MSE at the best validation step ({outcome.BestStep}) {outcome.TestMseAtBest:g4}, threshold {outcome.Threshold:g4}, solved at {(outcome.SolvedAt?.ToString(CultureInfo.InvariantCulture) ?? "—")}, sparsity error {outcome.SparsityErrorAtBest:g3}");
        Console.WriteLine($"run: {Path.GetFullPath(path)}");
        return 0;
    }

    private static int Bench(CommandArguments args, List<UnitsConfig> configs, List<string> files, CancellationToken cancellation)
    {
        var seedsText = args.Option("seeds") ?? throw new CommandLineException("units bench needs --seeds, e.g. --seeds 0..19");
        var jobs = args.Int("jobs", Environment.ProcessorCount, 1, 1024);
        var outDir = args.Option("out");
        var finishedOnly = args.Flag("finished-only");
        args.RejectUnknown();
        var seeds = ParseSeeds(seedsText);
        var folder = outDir ?? Path.Combine(configs[0].Runtime.RunDir, "units-bench-" + string.Join("+", configs.Select(c => c.Name)));
        Console.WriteLine($"{string.Join(", ", files)}: seeds {seedsText}, {jobs} at once, into {Path.GetFullPath(folder)}");
        try
        {
            var summaries = UnitsBench.Run(configs, seeds, jobs, folder, Console.Out, cancellation, trainMissing: !finishedOnly);
            Console.WriteLine();
            Console.Write(UnitsSummary.MarkdownTable(summaries));
            Console.WriteLine($"\ntable: {Path.Combine(folder, "table.md")}; figures: {Path.Combine(folder, "plots")}");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped; finished seeds are kept, run the same command to continue");
            return ExitCodes.Interrupted;
        }
    }

    private static List<int> ParseSeeds(string text)
    {
        var ends = text.Split("..");
        if (ends.Length == 2
            && int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last)
        {
            return Enumerable.Range(first, last - first + 1).ToList();
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var one))
        {
            return [one];
        }
        throw new CommandLineException($"--seeds must be A..B (inclusive) or one seed, got '{text}'");
    }
}
