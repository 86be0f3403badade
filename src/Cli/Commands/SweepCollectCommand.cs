using ArithLab.Cli.Sweeps;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab sweep collect`: every finished run's eval in one table, with figures and a report.</summary>
internal sealed class SweepCollectCommand : ICommand
{
    public string Name => "sweep collect";

    public string Summary => "gather a sweep's finished evals into sweep/results.csv, figures, a ranking and report.html";

    public string Help => """
        usage: arithlab sweep collect <sweep.yaml>

        Reads eval/grid.csv and eval/beyond.csv of every finished run and writes to {run_dir}/sweep/:
          results.csv              one row per run x cell: run, config (science hash), label, the
                                   varied keys, seed, set (grid|beyond), a_len, b_len, n, correct,
                                   exact_match, in_distribution
          accuracy-by-length.svg   exact match against the longer operand's length, a line per
                                   setting at the mean over seeds, dashed at the lowest and highest seed
          heatmaps/*.svg           each setting's grid, seeds pooled, training lengths outlined
          ranking.csv, ranking.md  settings ranked by exact match beyond the training lengths
          report.html              all of it on one page
        Runs not yet done are left out and counted; collect again when they are.

        example:
          arithlab sweep collect experiments/sweeps/positions.yaml
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        var plan = SweepArguments.Load(args);
        var results = SweepResults.Read(plan);
        var done = results.Runs.Count();
        if (done == 0)
        {
            Console.Error.WriteLine($"arithlab sweep collect: no run of {plan.File.Path} is done yet (arithlab sweep status shows where they are)");
            return 1;
        }
        var report = SweepReport.Write(results);
        Console.WriteLine($"collected {done} of {plan.Runs.Count} runs ({results.Cells.Count} rows) into {Path.GetFullPath(plan.File.SweepFolder)}");
        foreach (var line in File.ReadLines(Path.Combine(plan.File.SweepFolder, "ranking.md")))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine($"report: {report}");
        return 0;
    }
}
