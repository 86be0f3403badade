using System.Globalization;
using System.Runtime.InteropServices;
using ArithLab.Cli.Sweeps;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab sweep run`: runs a sweep's unfinished runs here, or submits them to Slurm as a job array.</summary>
internal sealed class SweepRunCommand : ICommand
{
    public string Name => "sweep run";

    public string Summary => "run a sweep's unfinished runs here (--jobs, --gpus) or as a Slurm job array (--slurm)";

    public string Help => """
        usage: arithlab sweep run <sweep.yaml> [--jobs N] [--threads N] [--gpus 0,1,...] [--device D] [--runs LIST]
               arithlab sweep run <sweep.yaml> --slurm [--dry-run] [--partition P] [--time T] [--gres G]
                                  [--cpus-per-task N] [--max-parallel N] [--sbatch-line LINE ...] [--no-requeue]
               arithlab sweep run <sweep.yaml> --run INDEX [--threads N] [--device D]

        Here: N workers (--jobs) train and evaluate the runs not yet done, each with its share of
        the cores (--threads, default cores / jobs), through `arithlab train` and `arithlab eval`.
        --gpus puts one worker on each listed GPU (runtime.device cuda:N). Finished runs are skipped,
        interrupted ones resume from their checkpoints, a failed run is reported and the others go on;
        the exit code is 1 when any run failed, 130 when stopped (Ctrl-C or SIGTERM: running runs
        checkpoint first). Logs: {run_dir}/sweep/logs/.

        --slurm writes {run_dir}/sweep/slurm/job.sh, a job array with one task per unfinished run,
        and submits it with sbatch (--dry-run prints it instead). Each task resumes its run if it
        has a checkpoint; one stopped by SIGTERM (pre-emption, or 2 minutes before --time) requeues
        itself unless --no-requeue. The flags override the sweep file's slurm: section.

        --run INDEX runs one run of the plan in the foreground (what each array task does).

        options:
          --jobs N              runs at once on this machine (default 1; with --gpus, one per GPU)
          --threads N           CPU threads per run
          --gpus 0,1,...        GPUs, one worker each
          --device D            runtime.device for every run (default: the base experiment's)
          --runs LIST           only these runs, by plan index: 0-8,12
          --slurm               submit a job array instead of running here
          --dry-run             with --slurm: print the script, submit nothing
          --partition P, --time T, --gres G, --cpus-per-task N, --max-parallel N (the %N cap)
          --sbatch-line LINE    one more #SBATCH line, e.g. --sbatch-line=--account=lab (repeatable)
          --no-requeue          a task stopped by SIGTERM stays stopped

        example:
          arithlab sweep run experiments/sweeps/positions.yaml --jobs 2
          arithlab sweep run experiments/sweeps/positions.yaml --gpus 0,1,2,3
          arithlab sweep run experiments/sweeps/positions.yaml --slurm --gres gpu:1 --time 04:00:00 --max-parallel 8
        """;

    public int Run(CommandArguments args)
    {
        var jobs = args.Int("jobs", 1, 1, 1024);
        var threadsOption = args.Option("threads") is null ? (int?)null : args.Int("threads", 1, 1, 4096);
        var gpus = args.Option("gpus");
        var device = args.Option("device");
        var single = args.Option("run") is null ? (int?)null : args.Int("run", 0, 0);
        var subset = args.Option("runs");
        var slurm = args.Flag("slurm");
        var dryRun = args.Flag("dry-run");
        var overrides = new SlurmOptions
        {
            Partition = args.Option("partition"),
            Time = args.Option("time"),
            Gres = args.Option("gres"),
            CpusPerTask = args.Option("cpus-per-task") is null ? null : args.Int("cpus-per-task", 1, 1),
            MaxParallel = args.Option("max-parallel") is null ? null : args.Int("max-parallel", 1, 1),
            Extra = args.Options("sbatch-line"),
            Requeue = !args.Flag("no-requeue"),
        };
        args.RejectUnknown();
        if (dryRun && !slurm)
        {
            throw new CommandLineException("--dry-run goes with --slurm");
        }
        var plan = SweepArguments.Load(args);
        if (slurm)
        {
            return SlurmSubmission.Submit(plan, Merge(plan.File.Slurm, overrides), dryRun);
        }

        using var cancellation = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!cancellation.IsCancellationRequested)
            {
                Console.Error.WriteLine("\nstopping: running runs checkpoint and stop");
                cancellation.Cancel();
            }
        }

        if (single is { } index)
        {
            if (index >= plan.Runs.Count)
            {
                throw new CommandLineException($"--run must be below {plan.Runs.Count}, the number of runs in the plan");
            }
            var run = plan.Runs[index];
            Console.WriteLine($"run {index}: {run.Name} ({run.Label}, seed {run.Seed})");
            var outcome = SweepTask.Run(plan, run, new RunResources(threadsOption ?? 1, device), Console.WriteLine, cancellation.Token);
            Console.WriteLine($"run {index}: {outcome.Status.ToString().ToLowerInvariant()}" + (outcome.Failure is { } f ? $": {f}" : ""));
            return outcome.ExitCode;
        }

        var workers = Workers(jobs, threadsOption, gpus, device);
        var chosen = subset is null ? plan.Runs : Subset(subset, plan.Runs);
        var todo = chosen.Where(r => !SweepState.IsDone(r)).ToList();
        Console.WriteLine($"sweep {plan.File.Name.Value}: {plan.Runs.Count(SweepState.IsDone)} of {plan.Runs.Count} runs done; running {todo.Count} with {workers.Count} worker(s), "
            + $"{workers[0].Threads} thread(s) each" + (gpus is null ? "" : $", GPUs {gpus}"));
        var unfinished = LocalSweep.Run(plan, todo, workers, cancellation.Token);
        var left = chosen.Count(r => !SweepState.IsDone(r));
        var failed = unfinished.Where(u => u.Outcome.Status == SweepRunStatus.Failed).ToList();
        foreach (var (run, outcome) in failed)
        {
            Console.Error.WriteLine($"failed: {run.Index} {run.Name} ({run.Label}, seed {run.Seed}): {outcome.Failure}");
        }
        if (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine($"stopped; {plan.Runs.Count(SweepState.IsDone)} of {plan.Runs.Count} runs done. Run the same command again to finish.");
            return ExitCodes.Interrupted;
        }
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"{failed.Count} of {plan.Runs.Count} runs failed; the others are done. Running the sweep again retries the failed ones.");
            return 1;
        }
        Console.WriteLine(left == 0 && chosen.Count == plan.Runs.Count
            ? $"all {plan.Runs.Count} runs done; next: arithlab sweep collect {plan.File.Path}"
            : $"the {chosen.Count} chosen runs are done; {plan.Runs.Count(r => !SweepState.IsDone(r))} of {plan.Runs.Count} in the sweep are not");
        return 0;
    }

    /// <summary>Runs chosen by index, as Slurm writes arrays: 0-8,12.</summary>
    private static List<SweepRun> Subset(string spec, IReadOnlyList<SweepRun> runs)
    {
        var chosen = new SortedSet<int>();
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            if (ends.Length is not (1 or 2)
                || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(ends[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first || last >= runs.Count)
            {
                throw new CommandLineException($"--runs takes run indices below {runs.Count} like 0-8,12; got '{spec}'");
            }
            chosen.UnionWith(Enumerable.Range(first, last - first + 1));
        }
        return chosen.Select(i => runs[i]).ToList();
    }

    private static List<RunResources> Workers(int jobs, int? threads, string? gpus, string? device)
    {
        if (gpus is null)
        {
            var share = threads ?? Math.Max(1, Environment.ProcessorCount / jobs);
            return Enumerable.Range(0, jobs).Select(_ => new RunResources(share, device)).ToList();
        }
        if (device is not null)
        {
            throw new CommandLineException("--gpus sets each worker's device; leave out --device");
        }
        var ids = new List<int>();
        foreach (var part in gpus.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new CommandLineException($"--gpus must be GPU indices separated by commas, e.g. 0,1,2,3; got '{gpus}'");
            }
            ids.Add(id);
        }
        // Data loading and the optimizer's host work need a core or two per GPU, not more.
        var perGpu = threads ?? Math.Max(1, Environment.ProcessorCount / ids.Count);
        return ids.Distinct().Select(id => new RunResources(perGpu, $"cuda:{id.ToString(CultureInfo.InvariantCulture)}")).ToList();
    }

    private static SlurmOptions Merge(SlurmOptions file, SlurmOptions flags) => new()
    {
        Partition = flags.Partition ?? file.Partition,
        Time = flags.Time ?? file.Time,
        Gres = flags.Gres ?? file.Gres,
        CpusPerTask = flags.CpusPerTask ?? file.CpusPerTask,
        MaxParallel = flags.MaxParallel ?? file.MaxParallel,
        Extra = [.. file.Extra, .. flags.Extra],
        Requeue = file.Requeue && flags.Requeue,
    };
}
