using ArithLab.Training.Evaluation;
using ArithLab.Training.Reports;

namespace ArithLab.Cli.Commands;

/// <summary>Draws several runs side by side: curves overlaid, grids, their difference, and averages over seeds.</summary>
internal sealed class CompareCommand : ICommand
{
    public string Name => "compare";

    public string Summary => "compare runs: overlaid curves, grids side by side, difference and mean/spread over seeds";

    public string Help => """
        usage: arithlab compare <run dir> <run dir> [<run dir> ...] [--out DIR]

        Reads each run's metrics log and eval/grid.csv (run `arithlab eval` first for grids) and
        writes into DIR (default: compare/ in the current directory):
          loss.svg, accuracy.svg   every run's training loss and held-out exact match, overlaid
          grid-N-<run>.svg         each evaluated run's length grid, all on the same lengths and scale
          difference.svg           with exactly two evaluated runs: second minus first, in points
          seeds-K-mean.svg, seeds-K-spread.svg, seeds-K.csv
                                   for runs whose configs differ only by seed: the mean and the
                                   spread (sample standard deviation) of each grid cell over seeds
          compare.html             all of the above and a table of the runs and their differences,
                                   in one self-contained page

        examples:
          arithlab compare runs/quickstart-1f2e3d4c5b6a-s0 runs/quickstart-1f2e3d4c5b6a-s1
          arithlab compare runs/lee2023-plain-* runs/lee2023-reversed-* --out runs/plain-vs-reversed
        """;

    public int Run(CommandArguments args)
    {
        var output = args.Option("out") ?? "compare";
        args.RejectUnknown();
        if (args.Positionals.Count < 2)
        {
            throw new CommandLineException("expected two or more run directories");
        }
        var runs = args.Positionals.Select(ComparedRun.Load).ToList();
        var written = ComparisonReport.Write(runs, output);
        foreach (var note in written.Notes)
        {
            Console.WriteLine($"note: {note}");
        }
        foreach (var file in written.Files)
        {
            Console.WriteLine($"wrote {file}");
        }
        return 0;
    }
}
