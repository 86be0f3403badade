using System.Globalization;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Evaluation;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Commands;

/// <summary>Runs the length-generalization grid on a trained run and writes eval/ into its directory.</summary>
internal sealed class EvalCommand : ICommand
{
    public string Name => "eval";

    public string Summary => "measure exact-match accuracy per (len a, len b) of a trained run; writes eval/";

    public string Help => """
        usage: arithlab eval <run dir | run/checkpoints/step-N> [options]

        Greedy-decodes held-out problems (the test side of the run's split) for every cell of the
        length grid and at equal lengths beyond it, reads answers with the format's parser, and
        writes grid.csv, carries.csv, beyond.csv, mistakes.csv (examples of wrong answers, with the
        lowest place value each got wrong), summary.json and heatmap.png/.svg to <run>/eval/
        (eval/recurrences-N/ per test-time recurrence of a looped model). Ranges default to the
        run config's eval section. A run directory is evaluated at its latest checkpoint.

        options:
          --a MIN:MAX          lengths of operand a (rows), e.g. 1:20; a single N means N:N
          --b MIN:MAX          lengths of operand b (columns)
          --per-cell N         problems per cell
          --beyond N,N,...     lengths beyond the grid: a = b = N, or a = N with --beyond-b; 'none' for none
          --beyond-b M         operand b's length beyond the grid (N×M multiplication); 0 for b = a
          --recurrences N,...  test-time recurrences of a looped model (one eval per value)
          --batch-size N       prompts decoded at once
          --abacus-offset K    Abacus ids: add k to every digit's id (default: eval.abacus_offset, 0 as the
                               reference); a k the training offsets cover tests the rows training reached
          --mistakes N         wrong answers kept per cell in mistakes.csv (default 5; 0 for none)
          --seed N             seed of the eval problems (default 0: the same problems for every run)
          --device DEVICE      auto | cpu | cuda | cuda:N (default: the run's runtime.device)
          --out DIR            write here instead of <run>/eval

        example:
          arithlab eval runs/abacus-add --a 1:40 --b 1:40 --per-cell 100 --beyond 50,100
        """;

    public int Run(CommandArguments args)
    {
        var a = args.Option("a");
        var b = args.Option("b");
        var perCell = args.Option("per-cell") is null ? (int?)null : args.Int("per-cell", 0, 1, 1_000_000);
        var beyond = args.Option("beyond");
        var beyondB = args.Option("beyond-b") is null ? (int?)null : args.Int("beyond-b", 0, 0, 100_000);
        var recurrences = args.Option("recurrences");
        var batchSize = args.Option("batch-size") is null ? (int?)null : args.Int("batch-size", 0, 1, 1_000_000);
        var seed = args.Int("seed", 0, 0);
        var abacusOffset = args.Option("abacus-offset") is null ? (int?)null : args.Int("abacus-offset", 0, 0, 100_000);
        var mistakes = args.Option("mistakes") is null ? (int?)null : args.Int("mistakes", 0, 0, 1_000_000);
        var deviceText = args.Option("device");
        var output = args.Option("out");
        args.RejectUnknown();
        if (args.Positionals.Count != 1)
        {
            throw new CommandLineException("expected one run directory or checkpoint folder");
        }

        var target = RunTarget.Resolve(args.Positionals[0]);
        var config = target.Run.LoadConfig();

        // Shared: several evals and plots may read a run at once, never while it trains.
        using var runLock = RunLock.ForReading(target.Run.Path);
        var settings = EvalSettings.From(config) with { Seed = (ulong)seed };
        if (abacusOffset is not null && config.Data.Positions != Data.Positions.PositionScheme.Abacus)
        {
            throw new CommandLineException("--abacus-offset shifts Abacus position ids; this run's data.positions is not abacus");
        }
        if (a is not null) settings = settings with { GridA = Range("a", a) };
        if (b is not null) settings = settings with { GridB = Range("b", b) };
        if (perCell is { } n) settings = settings with { PerCell = n };
        if (batchSize is { } bs) settings = settings with { BatchSize = bs };
        if (beyond is not null) settings = settings with { Beyond = beyond == "none" ? [] : Lengths("beyond", beyond) };
        if (beyondB is { } m) settings = settings with { BeyondB = m > 0 ? m : null };
        if (abacusOffset is { } k) settings = settings with { AbacusOffset = k };
        if (mistakes is { } kept) settings = settings with { MistakesPerCell = kept };
        IReadOnlyList<int> loops = recurrences is not null ? Lengths("recurrences", recurrences) : config.Eval.Recurrences;
        try
        {
            settings.Validated();
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException(e.Message);
        }
        var device = ResolveDevice(deviceText, config);

        using var trained = TrainedModel.Load(target.Run.Path, device, target.Step);
        var evaluation = new RunEvaluation(trained, settings, loops);
        Console.WriteLine($"evaluating {target.Run.Path} at step {trained.Step} on {device}");
        EvalProgressDisplay? display = null;
        try
        {
            foreach (var (result, folder) in evaluation.Run(output ?? target.Run.EvalPath, device, () => display = new EvalProgressDisplay()))
            {
                PrintSummary(result, folder);
            }
        }
        finally
        {
            display?.EndLine();
        }
        return 0;
    }

    /// <summary>--device, or the run's runtime.device; one this machine lacks is a usage error.</summary>
    private static Device ResolveDevice(string? deviceText, ExperimentConfig config)
    {
        try
        {
            return DeviceSelection.Resolve(deviceText ?? config.Runtime.Device);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new CommandLineException((deviceText is null ? "" : $"--device {deviceText}: ") + e.Message);
        }
    }

    private static void PrintSummary(EvalResult result, string folder)
    {
        var s = result.Summary();
        var settings = result.Settings;
        Console.WriteLine();
        Console.WriteLine($"{result.Task}, {result.Format}" + (settings.Recurrences is { } r ? $", {r} recurrences" : "")
            + $": grid a {settings.GridA}, b {settings.GridB}, {settings.PerCell} per cell, trained on a {settings.TrainA}, b {settings.TrainB}");
        Console.WriteLine($"  in-distribution      {Percent(s.InDistributionAccuracy),7}  ({s.InDistributionCorrect}/{s.InDistributionN})");
        Console.WriteLine($"  out-of-distribution  {Percent(s.OutOfDistributionAccuracy),7}  ({s.OutOfDistributionCorrect}/{s.OutOfDistributionN})");
        if (s.Best is { } best) Console.WriteLine($"  best cell            {Percent(best.Accuracy),7}  (a={best.LengthA}, b={best.LengthB})");
        if (s.Worst is { } worst) Console.WriteLine($"  worst cell           {Percent(worst.Accuracy),7}  (a={worst.LengthA}, b={worst.LengthB})");
        foreach (var c in result.Beyond)
        {
            var lengths = c.LengthA == c.LengthB ? $"a=b={c.LengthA}" : $"a={c.LengthA} b={c.LengthB}";
            Console.WriteLine($"  beyond {lengths,-12}{Percent(c.Accuracy),7}  ({c.Correct}/{c.N})");
        }
        if (s.MalformedTotal > 0)
        {
            var top = result.Failures.Where(f => f.Key != AnswerOutcome.WrongValue).Take(3).Select(f => $"{f.Value}× {f.Key}");
            Console.WriteLine($"  malformed answers    {s.MalformedTotal} (most often: {string.Join("; ", top)})");
        }
        if (result.FirstWrongPlaces.Count > 0)
        {
            // Where wrong values first go wrong: the units place alone points at alignment, spread places at carries.
            var places = result.FirstWrongPlaces.Select(p => $"{p.Key}: {p.Value}");
            Console.WriteLine($"  first wrong place    {string.Join(", ", places)}  (1 = units; wrong values by the lowest place they miss)");
        }
        Console.WriteLine($"  wrote {folder} in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private static string Percent(double v) => double.IsFinite(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    internal static DigitRange Range(string option, string text)
    {
        var parts = text.Split(':');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var hi)
            && lo >= 1 && hi >= lo)
        {
            return new DigitRange(lo, hi);
        }
        throw new CommandLineException($"--{option} must be MIN:MAX with 1 ≤ MIN ≤ MAX (or one length N), got '{text}'");
    }

    internal static int[] Lengths(string option, string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new CommandLineException($"--{option} must be positive integers separated by commas, got '{text}'");
            }
            values.Add(n);
        }
        return values.ToArray();
    }
}
