using ArithLab.Training.Evaluation;
using ArithLab.Training.Reports;
using ArithLab.Training.Runs;

namespace ArithLab.Cli.Commands;

/// <summary>Draws a run's curves and writes its self-contained HTML report.</summary>
internal sealed class PlotCommand : ICommand
{
    public string Name => "plot";

    public string Summary => "draw a run's loss and accuracy curves and write its HTML report";

    public string Help => """
        usage: arithlab plot <run dir>

        Reads the run's metrics log (metrics.jsonl or metrics.csv) and writes plots/loss.png (log
        scale) and plots/accuracy.png (each also as .svg), then report.html: the resolved config,
        those curves and every evaluation in eval/ (summary tables, heatmap, accuracy by carries),
        the figures embedded as PNG in one file that opens in any browser without network access.
        Run `arithlab eval` first for the heatmap.

        example:
          arithlab plot runs/abacus-add && xdg-open runs/abacus-add/report.html
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        if (args.Positionals.Count != 1)
        {
            throw new CommandLineException("expected one run directory");
        }
        var run = RunTarget.Resolve(args.Positionals[0], needCheckpoint: false);
        // Shared: several plots and evals may read a run at once, never while it trains.
        using var runLock = RunLock.ForReading(run.Run.Path);
        var written = RunReport.Write(run);
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
