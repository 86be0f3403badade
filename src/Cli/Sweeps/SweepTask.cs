using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ArithLab.Training.Sweeps;

namespace ArithLab.Cli.Sweeps;

/// <summary>
/// One run of a sweep, carried out by the program's own commands in child processes: `arithlab
/// train` (fresh, or `--resume` from the run's latest checkpoint), then `arithlab eval`. Whatever
/// guards `train` has (its checkpoint on SIGTERM, its science checks on resume) hold for sweeps too.
/// The children's output goes to sweep/logs/{run}.log; their "step N/M" lines feed the progress view.
/// </summary>
internal static partial class SweepTask
{
    public static SweepTaskOutcome Run(SweepPlan plan, SweepRun run, RunResources resources, Action<string> onProgress, CancellationToken cancellation)
    {
        var state = new SweepState(plan.File);
        if (SweepState.IsDone(run))
        {
            return new SweepTaskOutcome(SweepRunStatus.Done);
        }
        state.MarkRunning(run);
        var outcome = new SweepTaskOutcome(SweepRunStatus.Failed, "stopped before it finished");
        try
        {
            var log = state.LogPath(run);
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            outcome = Attempt(plan, run, resources, log, onProgress, cancellation);
            return outcome;
        }
        finally
        {
            state.MarkFinished(run, outcome.Status == SweepRunStatus.Failed ? outcome.Failure : null);
        }
    }

    private static SweepTaskOutcome Attempt(SweepPlan plan, SweepRun run, RunResources resources, string log, Action<string> onProgress, CancellationToken cancellation)
    {
        if (!SweepState.IsTrained(run))
        {
            var resume = SweepState.CheckpointStep(run) > 0;
            onProgress(resume ? $"resuming at step {SweepState.CheckpointStep(run)}" : "starting");
            List<string> args = resume ? ["train", "--resume", run.Path, plan.File.BasePath] : ["train", plan.File.BasePath, "--run-dir", run.Path];
            foreach (var o in run.Overrides.Concat(Runtime(resources)))
            {
                args.Add("--set");
                args.Add(o);
            }
            var code = Child(args, resources, log, onProgress, cancellation);
            if (code == 130 || cancellation.IsCancellationRequested)
            {
                return new SweepTaskOutcome(SweepRunStatus.Interrupted);
            }
            if (code != 0)
            {
                return new SweepTaskOutcome(SweepRunStatus.Failed, $"train exited with code {code}: {LastLine(log)} (log: {log})");
            }
        }
        if (cancellation.IsCancellationRequested)
        {
            return new SweepTaskOutcome(SweepRunStatus.Interrupted);
        }
        onProgress("evaluating");
        List<string> eval = ["eval", run.Path];
        if (resources.Device is { } device)
        {
            eval.AddRange(["--device", device]);
        }
        var evalCode = Child(eval, resources, log, _ => { }, cancellation);
        if (cancellation.IsCancellationRequested)
        {
            // Stopped while evaluating (eval dies of SIGTERM, code 143): not a failure. The run is
            // done if eval had already written its results; otherwise the next start evaluates it again.
            return new SweepTaskOutcome(SweepState.IsDone(run) ? SweepRunStatus.Done : SweepRunStatus.Interrupted);
        }
        return evalCode == 0 && SweepState.IsDone(run)
            ? new SweepTaskOutcome(SweepRunStatus.Done)
            : new SweepTaskOutcome(SweepRunStatus.Failed, $"eval exited with code {evalCode}: {LastLine(log)} (log: {log})");
    }

    private static IEnumerable<string> Runtime(RunResources resources)
    {
        yield return "runtime.threads=" + resources.Threads.ToString(CultureInfo.InvariantCulture);
        if (resources.Device is { } device)
        {
            yield return "runtime.device=" + device;
        }
    }

    /// <summary>Runs `arithlab args`, appending its output to the log; on cancellation it gets SIGTERM and is waited for (it checkpoints).</summary>
    private static int Child(List<string> args, RunResources resources, string log, Action<string> onProgress, CancellationToken cancellation)
    {
        var info = SelfProcess.StartInfo(args);
        // Eval and libtorch's own pools take the run's share of the cores too, not every core.
        var threads = resources.Threads.ToString(CultureInfo.InvariantCulture);
        info.Environment["OMP_NUM_THREADS"] = threads;
        info.Environment["OPENBLAS_NUM_THREADS"] = threads;
        using var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var gate = new Lock();
        writer.WriteLine($"$ arithlab {string.Join(' ', args)}");
        using var process = new Process { StartInfo = info };
        void OnLine(string? line, bool progress)
        {
            if (line is null)
            {
                return;
            }
            lock (gate)
            {
                writer.WriteLine(line);
            }
            if (progress && StepLine().Match(line) is { Success: true } m)
            {
                onProgress($"step {m.Groups[1].Value}/{m.Groups[2].Value}");
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data, progress: true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, progress: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellation.Register(() => SelfProcess.Terminate(process)))
        {
            process.WaitForExit();
        }
        lock (gate)
        {
            writer.WriteLine($"(exit code {process.ExitCode})");
        }
        return process.ExitCode;
    }

    private static string LastLine(string log) =>
        File.ReadLines(log).LastOrDefault(l => l.Length > 0 && !l.StartsWith("(exit code", StringComparison.Ordinal)) ?? "";

    [GeneratedRegex(@"\bstep (\d+)/(\d+)")]
    private static partial Regex StepLine();
}
