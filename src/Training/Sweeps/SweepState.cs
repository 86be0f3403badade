using System.Diagnostics;
using System.Globalization;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// The sweep's bookkeeping in sweep/state/: `{run}.running` (host and pid of the process running it,
/// and the Slurm job when there is one) while a run is under way, `{run}.failed` (what went wrong)
/// after a failed attempt. Everything else is read from the run folder itself: a run is done when
/// its latest checkpoint is at train.steps and its eval is written, so a sweep stopped at any point
/// picks up where it was.
/// </summary>
public sealed class SweepState(SweepFile file)
{
    public string Folder { get; } = Path.Combine(file.SweepFolder, "state");

    /// <summary>The log of a run's `train` and `eval`, in sweep/logs/.</summary>
    public string LogPath(SweepRun run) => Path.Combine(file.SweepFolder, "logs", run.Name + ".log");

    public SweepRunStatus StatusOf(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (IsDone(run))
        {
            return SweepRunStatus.Done;
        }
        if (RunningMarker(run) is { } marker && IsAlive(marker))
        {
            return SweepRunStatus.Running;
        }
        if (File.Exists(FailedPath(run)))
        {
            return SweepRunStatus.Failed;
        }
        return new Checkpoints.CheckpointStore(Path.Combine(run.Path, "checkpoints")).Latest() is null
            ? SweepRunStatus.Pending
            : SweepRunStatus.Interrupted;
    }

    /// <summary>The training step the run's latest checkpoint holds, or 0.</summary>
    public static long CheckpointStep(SweepRun run) =>
        new Checkpoints.CheckpointStore(Path.Combine(run.Path, "checkpoints")).Latest()?.Step ?? 0;

    public static bool IsTrained(SweepRun run) => CheckpointStep(run) >= run.Config.Train.Steps;

    public static bool IsDone(SweepRun run) =>
        IsTrained(run) && File.Exists(Path.Combine(run.Path, "eval", EvalFiles.SummaryJson)) && File.Exists(Path.Combine(run.Path, "eval", EvalFiles.GridCsv));

    /// <summary>The last failure's message, or null.</summary>
    public string? FailureOf(SweepRun run) => File.Exists(FailedPath(run)) ? File.ReadAllText(FailedPath(run)).Trim() : null;

    /// <summary>Marks the run as taken by this process (and Slurm job, when under one).</summary>
    public void MarkRunning(SweepRun run)
    {
        Directory.CreateDirectory(Folder);
        File.Delete(FailedPath(run));
        var job = Environment.GetEnvironmentVariable("SLURM_JOB_ID");
        Runs.AtomicFile.WriteAllText(RunningPath(run), $"{Environment.MachineName} {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} {job}\n");
    }

    public void MarkFinished(SweepRun run, string? failure)
    {
        Directory.CreateDirectory(Folder);
        if (failure is not null)
        {
            Runs.AtomicFile.WriteAllText(FailedPath(run), failure + "\n");
        }
        File.Delete(RunningPath(run));
    }

    private string RunningPath(SweepRun run) => Path.Combine(Folder, run.Name + ".running");

    private string FailedPath(SweepRun run) => Path.Combine(Folder, run.Name + ".failed");

    private string[]? RunningMarker(SweepRun run) =>
        File.Exists(RunningPath(run)) ? File.ReadAllText(RunningPath(run)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    // A marker from this machine whose process is gone was left by a killed run: it is not running.
    // One from another machine (a cluster node) cannot be checked from here and is believed.
    private static bool IsAlive(string[] marker)
    {
        if (marker.Length < 2 || marker[0] != Environment.MachineName)
        {
            return marker.Length >= 2;
        }
        try
        {
            using var process = Process.GetProcessById(int.Parse(marker[1], CultureInfo.InvariantCulture));
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
