using System.Runtime.InteropServices;
using ArithLab.Torch;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;

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

        var request = new TrainRequest
        {
            Config = yaml.Count == 1 ? ConfigLoader.Load(yaml[0], overrides) : null,
            Resume = resume,
            RunPath = folders.FirstOrDefault() ?? runDir,
            Overrides = overrides,
        };
        using var session = TrainingSession.Open(request);
        foreach (var warning in session.Warnings)
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
            return session.Train(cancellation.Token).ExitCode;
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
