using System.Globalization;
using ArithLab.Cli.Sweeps;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab sweep status`: where each run of a sweep stands.</summary>
internal sealed class SweepStatusCommand : ICommand
{
    public string Name => "sweep status";

    public string Summary => "show each run of a sweep: pending, running, interrupted, failed or done";

    public string Help => """
        usage: arithlab sweep status <sweep.yaml>

        One line per run: index, state, training step of its latest checkpoint, run folder, settings.
        pending: not started; running: a worker or array task has it; interrupted: stopped with a
        checkpoint (the next `sweep run` resumes it); failed: its last attempt failed (why is shown;
        the next `sweep run` retries it); done: trained and evaluated. Read from the run folders and
        {run_dir}/sweep/state/, so it works on a login node while a job array runs.

        example:
          arithlab sweep status experiments/sweeps/positions.yaml
        """;

    public int Run(CommandArguments args)
    {
        args.RejectUnknown();
        var plan = SweepArguments.Load(args);
        var state = new SweepState(plan.File);
        var statuses = plan.Runs.Select(r => (Run: r, Status: state.StatusOf(r))).ToList();
        foreach (var (run, status) in statuses)
        {
            var step = SweepState.CheckpointStep(run).ToString(CultureInfo.InvariantCulture) + "/" + run.Config.Train.Steps.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"{run.Index,4}  {status.ToString().ToLowerInvariant(),-11}  {step,13}  {run.Name}  {run.Label}, seed {run.Seed}");
            if (status == SweepRunStatus.Failed && state.FailureOf(run) is { } failure)
            {
                Console.WriteLine($"      {failure}");
            }
        }
        var counts = statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        Console.WriteLine($"sweep {plan.File.Name.Value}: {string.Join(", ", counts)} of {plan.Runs.Count}");
        return 0;
    }
}
