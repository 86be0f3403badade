using System.Text.RegularExpressions;

namespace ArithLab.Cli.Tests;

/// <summary>
/// `arithlab sweep run --slurm` against a real local Slurm cluster: a job array runs every run of a
/// sweep, `sweep collect` sees them all, and a task stopped by `scancel --signal=TERM` (what
/// pre-emption sends) checkpoints and resumes when the sweep is submitted again.
/// </summary>
[Collection(CliCollection.Name)]
public sealed partial class SlurmSweepCliTests(SlurmCluster cluster) : CliTestFolder, IClassFixture<SlurmCluster>
{
    [Fact]
    public void A_job_array_runs_every_run_and_collect_sees_them_all()
    {
        SweepFiles.WriteBase(Folder, steps: 20, checkpointEvery: 10);
        var sweep = SweepFiles.WriteSweep(Folder, "[0, 1]", "slurm: {max_parallel: 2}");

        var submit = Arithlab.Run(Folder, "sweep", "run", sweep, "--slurm");

        Assert.True(submit.ExitCode == 0, submit.Stderr + submit.Stdout + cluster.Logs());
        Assert.Contains("4 array task(s) (0-3)", submit.Stdout, StringComparison.Ordinal);
        var job = JobId(submit.Stdout);
        Assert.Contains("#SBATCH --array=0-3%2", File.ReadAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "slurm", "job.sh")), StringComparison.Ordinal);
        cluster.WaitForJob(job, TimeSpan.FromMinutes(5));

        var status = Arithlab.Run(Folder, "sweep", "status", sweep);
        Assert.True(status.Stdout.Contains("4 done of 4", StringComparison.Ordinal), status.Stdout + TaskLogs() + cluster.Logs());
        var collect = Arithlab.Run(Folder, "sweep", "collect", sweep);
        Assert.True(collect.ExitCode == 0, collect.Stderr);
        Assert.Contains("collected 4 of 4 runs", collect.Stdout, StringComparison.Ordinal);
        var rows = SweepFiles.Results(Folder);
        Assert.Equal(4, rows.Select(r => r["run"]).Distinct().Count());
        Assert.Equal(4 * 9, rows.Count);
        // Every task ran as its own array index, each once.
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "slurm"), $"{job}_*.out").Length);

        // Submitting again finds nothing to do.
        var again = Arithlab.Run(Folder, "sweep", "run", sweep, "--slurm");
        Assert.Contains("nothing to submit", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_stopped_with_sigterm_checkpoints_and_resumes_when_resubmitted()
    {
        var (sweep, job, run) = await SubmitOneRunAndSendSigtermAsync("--no-requeue");
        cluster.WaitForJob(job, TimeSpan.FromMinutes(2));

        var stoppedAt = SweepFiles.CheckpointStep(run);
        Assert.True(stoppedAt is >= 10 and < 2000, $"checkpoint at step {stoppedAt}\n{TaskLogs()}");
        Assert.Contains("interrupted", Arithlab.Run(Folder, "sweep", "status", sweep).Stdout, StringComparison.Ordinal);
        Assert.Contains("Exited with exit code 130", TaskLogs(), StringComparison.Ordinal);

        var resubmit = Arithlab.Run(Folder, "sweep", "run", sweep, "--slurm", "--no-requeue");
        Assert.True(resubmit.ExitCode == 0, resubmit.Stderr);
        cluster.WaitForJob(JobId(resubmit.Stdout), TimeSpan.FromMinutes(5));

        Assert.Equal(2000, SweepFiles.CheckpointStep(run));
        var log = File.ReadAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "logs", Path.GetFileName(run) + ".log"));
        Assert.Contains($"resuming {run} at step {stoppedAt}", log, StringComparison.Ordinal);
        Assert.Contains("1 done of 1", Arithlab.Run(Folder, "sweep", "status", sweep).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_stopped_with_sigterm_requeues_itself_and_resumes_to_completion()
    {
        // Requeue is on by default: the task puts itself back in the queue, with no resubmission.
        var (sweep, job, run) = await SubmitOneRunAndSendSigtermAsync();
        // The job leaves the queue only once its second attempt has finished.
        cluster.WaitForJob(job, TimeSpan.FromMinutes(5));

        var show = SlurmCluster.Command("scontrol", "show", "job", job);
        Assert.True(show.Output.Contains("Restarts=1", StringComparison.Ordinal), show.Output + TaskLogs());
        Assert.Contains("JobState=COMPLETED", show.Output, StringComparison.Ordinal);

        // From the run folder: the first attempt checkpointed where SIGTERM found it, the second resumed there and finished.
        var log = File.ReadAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "logs", Path.GetFileName(run) + ".log"));
        var attempts = TrainCommandLine().Matches(log).Select(m => m.Value).ToList();
        Assert.True(attempts.Count == 2, log);
        Assert.DoesNotContain("--resume", attempts[0], StringComparison.Ordinal);
        Assert.Contains("--resume", attempts[1], StringComparison.Ordinal);
        Assert.Contains("(exit code 130)", log, StringComparison.Ordinal);
        var resumedAt = ResumedStep(log, run);
        Assert.True(resumedAt is >= 10 and < 2000, $"resumed at step {resumedAt}\n{log}");
        Assert.Equal(2000, SweepFiles.CheckpointStep(run));
        Assert.True(Directory.Exists(Path.Combine(run, "checkpoints", $"step-{resumedAt:D6}")),
            $"no checkpoint of step {resumedAt}: " + string.Join(", ", Directory.GetFileSystemEntries(Path.Combine(run, "checkpoints")).Select(Path.GetFileName)));
        // One loss curve across both attempts: every logged step once, in order, to the last.
        var steps = File.ReadLines(Path.Combine(run, "metrics.jsonl")).Select(l => MetricStep().Match(l)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => i * 10), steps);
        Assert.True(File.Exists(Path.Combine(run, "eval", "grid.csv")), "the resumed run was not evaluated");
        Assert.Contains("1 done of 1", Arithlab.Run(Folder, "sweep", "status", sweep).Stdout, StringComparison.Ordinal);
        // Both attempts wrote to the task's one log (--open-mode=append).
        var taskLog = TaskLogs();
        Assert.Contains("run 0: interrupted", taskLog, StringComparison.Ordinal);
        Assert.Contains("run 0: done", taskLog, StringComparison.Ordinal);
    }

    /// <summary>Submits a one-run sweep of 2,000 steps with the given flags and sends its task SIGTERM once it trains.</summary>
    private async Task<(string Sweep, string Job, string Run)> SubmitOneRunAndSendSigtermAsync(params string[] flags)
    {
        SweepFiles.WriteBase(Folder, steps: 2000, checkpointEvery: 1000000);
        var sweep = Path.Combine(Folder, "sweep.yaml");
        File.WriteAllText(sweep, "name: tiny\nbase: tiny.yaml\nseeds: [0]\n");
        var submit = Arithlab.Run(Folder, ["sweep", "run", sweep, "--slurm", .. flags]);
        Assert.True(submit.ExitCode == 0, submit.Stderr + submit.Stdout + cluster.Logs());
        var job = JobId(submit.Stdout);
        var run = await WaitForTrainingAsync();
        var cancel = SlurmCluster.Command("scancel", "--signal=TERM", job);
        Assert.True(cancel.ExitCode == 0, cancel.Output);
        return (sweep, job, run);
    }

    private static int ResumedStep(string log, string run) =>
        Regex.Match(log, $@"resuming {Regex.Escape(run)} at step (\d+)") is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("the run never resumed:\n" + log);

    private async Task<string> WaitForTrainingAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var run = Directory.Exists(Path.Combine(Folder, "runs", "sweeps", "tiny")) ? SweepFiles.RunFolders(Folder).FirstOrDefault() : null;
            var metrics = run is null ? null : Path.Combine(run, "metrics.jsonl");
            if (metrics is not null && File.Exists(metrics) && new FileInfo(metrics).Length > 0)
            {
                return run!;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the array task never started training\n" + TaskLogs() + cluster.Logs());
    }

    private string TaskLogs()
    {
        var folder = Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "slurm");
        return Directory.Exists(folder)
            ? string.Join("\n", Directory.GetFiles(folder, "*.out").Select(f => $"---- {f}\n{File.ReadAllText(f)}"))
            : "";
    }

    private static string JobId(string submitted) => JobLine().Match(submitted) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no job id in: " + submitted);

    [GeneratedRegex(@"submitted job (\d+)")]
    private static partial Regex JobLine();

    [GeneratedRegex(@"^\$ arithlab train .*$", RegexOptions.Multiline)]
    private static partial Regex TrainCommandLine();

    [GeneratedRegex(@"^\{""step"": (\d+),")]
    private static partial Regex MetricStep();
}
