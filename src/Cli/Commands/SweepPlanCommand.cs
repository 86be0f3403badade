using ArithLab.Cli.Sweeps;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab sweep plan`: the runs of a sweep file, checked, without running anything.</summary>
internal sealed class SweepPlanCommand : ICommand
{
    public string Name => "sweep plan";

    public string Summary => "list a sweep's runs: run folder, overrides of the base experiment";

    public string Help => """
        usage: arithlab sweep plan <sweep.yaml>

        Checks the sweep file and every run it makes (an unknown key or a value its key rejects is
        an error naming file, line and key) and lists the runs in plan order: index (the Slurm array
        task id), run folder ({name}-{science hash}-s{seed}) and the `--set` overrides that turn the
        base experiment into the run. docs/sweeps.md describes the file.

        example:
          arithlab sweep plan experiments/sweeps/positions.yaml
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        var plan = SweepArguments.Load(args);
        var file = plan.File;
        Console.WriteLine($"sweep {file.Name.Value}: {plan.Runs.Count} runs ({file.ConfigCount} settings x {file.Seeds.Count} seeds) of {file.BasePath}");
        Console.WriteLine($"runs in {Path.GetFullPath(file.RunDir)}");
        foreach (var run in plan.Runs)
        {
            Console.WriteLine();
            Console.WriteLine($"{run.Index,4}  {run.Name}  {run.Label}, seed {run.Seed}");
            Console.WriteLine("      " + string.Join(' ', run.Overrides.Select(o => "--set " + o)));
        }
        return 0;
    }
}
