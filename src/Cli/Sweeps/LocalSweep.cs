using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>
/// Runs a sweep's unfinished runs on this machine: a fixed number of workers take runs in plan
/// order, each with its share of the cores (or one GPU each). A failed run is reported and the
/// others go on; finished runs are skipped and interrupted ones resume, so running the sweep again
/// after any stop finishes it without redoing anything.
/// </summary>
internal static class LocalSweep
{
    /// <summary>Returns the runs that did not finish (failed or stopped), with why.</summary>
    public static IReadOnlyList<(SweepRun Run, SweepTaskOutcome Outcome)> Run(
        SweepPlan plan, IReadOnlyList<SweepRun> runs, IReadOnlyList<RunResources> workers, CancellationToken cancellation)
    {
        var queue = new Queue<SweepRun>(runs);
        var unfinished = new List<(SweepRun, SweepTaskOutcome)>();
        var gate = new Lock();
        using var view = new SweepProgressView(plan.Runs.Count, plan.Runs.Count(SweepState.IsDone), runs.Count);
        var threads = workers.Select(resources => new Thread(() =>
        {
            while (!cancellation.IsCancellationRequested)
            {
                SweepRun run;
                lock (gate)
                {
                    if (!queue.TryDequeue(out run!))
                    {
                        return;
                    }
                }
                view.Started(run);
                SweepTaskOutcome outcome;
                try
                {
                    outcome = SweepTask.Run(plan, run, resources, what => view.Progress(run, what), cancellation);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
                {
                    outcome = new SweepTaskOutcome(SweepRunStatus.Failed, e.Message);
                }
                view.Finished(run, outcome);
                if (outcome.Status != SweepRunStatus.Done)
                {
                    lock (gate)
                    {
                        unfinished.Add((run, outcome));
                    }
                }
            }
        }) { Name = "sweep worker" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return unfinished.OrderBy(u => u.Item1.Index).ToList();
    }
}
