using System.Runtime.InteropServices;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Safetensors;
using ArithLab.Training;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Commands;

/// <summary>`arithlab train`: trains an experiment into its run directory, or resumes one.</summary>
internal sealed class TrainCommand : ICommand
{
    public string Name => "train";

    public string Summary => "train an experiment YAML into a run directory (or --resume one)";

    public string Help => """
        usage: arithlab train <experiment.yaml> [--set key.path=value ...] [--run-dir DIR]
               arithlab train --resume [<run_dir>] [<experiment.yaml>] [--set runtime.key=value ...]

        Trains the experiment and writes the run directory
        {runtime.run_dir}/{name}-{science hash}-s{seed}/: the resolved config, seed, code version,
        metrics (runtime.log_format), checkpoints every runtime.checkpoint_every steps and at the
        end, and the held-out exact match in eval/held_out.json.

        --resume continues from the run's latest checkpoint, on the same loss curve. Give the run
        directory, or the YAML (its run directory is found from name, hash and seed). With both, the
        YAML's science keys must match the run's; any that differ are listed and the resume is
        refused. Runtime keys (device, logging, checkpoint cadence) may change.

        Ctrl-C (or SIGTERM, as a batch scheduler sends when it pre-empts a job) finishes the
        current step, writes a checkpoint and exits with code 130. A NaN or Inf
        loss stops the run (exit code 3) and keeps the last good checkpoint.

        options:
          --set key.path=value   override one key (repeatable), checked like the file
          --run-dir DIR          the run directory itself, instead of the default name
          --resume               continue the latest checkpoint

        example:
          arithlab train experiments/quickstart.yaml
          arithlab train experiments/quickstart.yaml --set train.lr=3e-4 --set runtime.device=cpu
          arithlab train --resume runs/quickstart-1a2b3c4d5e6f-s0
        """;

    /// <summary>
    /// The run of this config: its own folder, or else the one run of the same name and seed under
    /// runtime.run_dir (its science differs, which the resume then reports key by key).
    /// </summary>
    private static string FindRun(ExperimentConfig config)
    {
        var path = RunDirectory.DefaultPath(config);
        if (Directory.Exists(path) || !Directory.Exists(config.Runtime.RunDir))
        {
            return path;
        }
        var seed = config.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var siblings = Directory.GetDirectories(config.Runtime.RunDir, $"{config.Name}-*-s{seed}");
        return siblings.Length == 1 ? siblings[0] : path;
    }

    public int Run(CommandArguments args)
    {
        var overrides = args.Options("set");
        var resume = args.Flag("resume");
        var runDir = args.Option("run-dir");
        args.RejectUnknown();
        RetainFreedHostMemory();
        var yaml = args.Positionals.Where(File.Exists).ToList();
        var folders = args.Positionals.Where(Directory.Exists).ToList();
        var unknown = args.Positionals.Except(yaml).Except(folders).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"no such file or run directory: {string.Join(", ", unknown)}");
        }
        if (yaml.Count > 1 || folders.Count > 1 || (folders.Count == 1 && runDir is not null))
        {
            throw new CommandLineException("expected one experiment YAML and, with --resume, at most one run directory");
        }
        if (!resume && folders.Count > 0)
        {
            throw new CommandLineException($"{folders[0]} is a folder; to continue a run there use --resume");
        }
        if (yaml.Count == 0 && !(resume && (folders.Count == 1 || runDir is not null)))
        {
            throw new CommandLineException(resume ? "give the run directory or the experiment YAML to resume" : "expected an experiment YAML file");
        }

        ExperimentConfig? given = null;
        try
        {
            if (yaml.Count == 1)
            {
                given = ConfigLoader.Load(yaml[0], overrides);
            }
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        RunLock? runLock = null;
        try
        {
            return Train(given, resume, folders, runDir, overrides, ref runLock);
        }
        finally
        {
            runLock?.Dispose();
        }
    }

    /// <summary>Everything after the arguments, under the run's exclusive lock (taken into <paramref name="runLock"/>).</summary>
    private static int Train(ExperimentConfig? given, bool resume, List<string> folders, string? runDir, IReadOnlyList<string> overrides, ref RunLock? runLock)
    {
        RunDirectory run;
        ExperimentConfig config;
        if (resume)
        {
            var path = folders.FirstOrDefault() ?? runDir ?? FindRun(given!);
            if (!Directory.Exists(path))
            {
                throw new CommandLineException($"nothing to resume: {path} does not exist");
            }
            runLock = RunLock.ForWriting(path);
            run = RunDirectory.Open(path);
            var saved = run.LoadConfig();
            if (given is not null)
            {
                var differences = ConfigDifference.Science(saved, given);
                if (differences.Count > 0)
                {
                    Console.Error.WriteLine($"refusing to resume {run.Path}: the experiment differs from the run's in keys that change results:");
                    foreach (var d in differences)
                    {
                        Console.Error.WriteLine("  " + d);
                    }
                    return 2;
                }
                // Plumbing may change between a run and its resumption (device, logging, checkpoints).
                config = saved with { Runtime = given.Runtime };
            }
            else
            {
                try
                {
                    config = ConfigLoader.Apply(saved, overrides);
                }
                catch (ConfigException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
                var differences = ConfigDifference.Science(saved, config);
                if (differences.Count > 0)
                {
                    Console.Error.WriteLine($"refusing to resume {run.Path}: --set changes keys that change results: {string.Join("; ", differences)}");
                    return 2;
                }
            }
        }
        else
        {
            config = given!;
            run = null!;
        }

        Experiment experiment;
        try
        {
            experiment = Experiment.Create(config);
            if (!resume)
            {
                var path = runDir ?? RunDirectory.DefaultPath(config);
                if (File.Exists(path))
                {
                    experiment.Dispose();
                    throw new CommandLineException($"--run-dir {path} is a file; give a folder");
                }
                // Locked before anything is written: a second train of the same folder is refused here.
                runLock = RunLock.ForWriting(path);
                run = RunDirectory.Create(config, path);
            }
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"arithlab train: {e.Message}");
            return 2;
        }
        using var _ = experiment;
        foreach (var warning in ResourceEstimate.Of(config, experiment.Data).Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C finishes the step and checkpoints; a second one kills the process.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
                Console.Error.WriteLine("\nstopping after this step (Ctrl-C again to abort without a checkpoint)");
            }
        };
        Console.CancelKeyPress += onCancel;
        // A batch scheduler pre-empting the job sends SIGTERM: stop the same way, with a checkpoint.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            if (!cancellation.IsCancellationRequested)
            {
                cancellation.Cancel();
                Console.Error.WriteLine("\nterminated: stopping after this step");
            }
        });
        try
        {
            // The trainer has printed how the run ended (once).
            return new Trainer(experiment, run, new TrainerOptions { Resume = resume }).Run(cancellation.Token).ExitCode;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            // A full disk or a vanished folder mid-run: checkpoints are written whole or not at all, so say which one stands.
            var (_, message) = CommandRunner.Explain(e);
            var kept = run.Checkpoints.Latest() is { } latest ? $"the last complete checkpoint is step {latest.Step} ({latest.Path})" : "no checkpoint was completed";
            Console.Error.WriteLine($"\narithlab train: {message}; {kept}. Free space, then continue with: arithlab train --resume {run.Path}");
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is ResumeRefusedException or CheckpointDamagedException or InvalidDataException or SafetensorsFormatException or StateDictException)
        {
            // A checkpoint that cannot be resumed or read: say which and why, not a stack trace.
            Console.Error.WriteLine($"arithlab train: {e.Message}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // Every step allocates and frees the same activation buffers: keeping freed CPU storage in the
    // heap saves the page faults of mapping it afresh (about 10 % of a small model's step on the
    // CPU; docs/performance.md). It changes speed only, never results.
    private static void RetainFreedHostMemory()
    {
        try
        {
            HostMemory.RetainFreed();
        }
        catch (TorchException)
        {
            // Not glibc: the allocator's defaults stay.
        }
    }
}
