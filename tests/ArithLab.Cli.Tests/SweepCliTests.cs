using System.Globalization;

namespace ArithLab.Cli.Tests;

/// <summary>
/// `arithlab sweep` on this machine: every run trained and evaluated through `train` and `eval`,
/// finished runs skipped, a stopped sweep finished by running it again, a failing run reported
/// without stopping the others, and the collected table matching the runs' own eval files.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class SweepCliTests : CliTestFolder
{
    [Fact]
    public void A_sweep_runs_every_run_once_and_collects_them_into_one_table()
    {
        SweepFiles.WriteBase(Folder, steps: 20, checkpointEvery: 10);
        var sweep = SweepFiles.WriteSweep(Folder, "[0, 1]");

        var plan = Arithlab.Run(Folder, "sweep", "plan", sweep);
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Contains("4 runs (2 settings x 2 seeds)", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("--set train.lr=0.01", plan.Stdout, StringComparison.Ordinal);

        var run = Arithlab.Run(Folder, "sweep", "run", sweep, "--jobs", "2", "--threads", "1");

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var runs = SweepFiles.RunFolders(Folder);
        Assert.Equal(4, runs.Length);
        Assert.All(runs, r => Assert.Equal(20, SweepFiles.CheckpointStep(r)));
        // Each run's saved config has its own learning rate and seed, from the plan.
        var configs = runs.Select(r => File.ReadAllText(Path.Combine(r, "config.resolved.yaml"))).ToList();
        Assert.Equal(2, configs.Count(c => c.Contains("lr: 0.01\n", StringComparison.Ordinal)));
        Assert.Equal(2, configs.Count(c => c.Contains("seed: 1\n", StringComparison.Ordinal)));

        // Again: nothing left to do, nothing retrained.
        var stamps = runs.Select(r => File.GetLastWriteTimeUtc(Path.Combine(r, "checkpoints", "latest"))).ToList();
        var again = Arithlab.Run(Folder, "sweep", "run", sweep);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("4 of 4 runs done; running 0", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(stamps, runs.Select(r => File.GetLastWriteTimeUtc(Path.Combine(r, "checkpoints", "latest"))));

        var status = Arithlab.Run(Folder, "sweep", "status", sweep);
        Assert.Contains("4 done of 4", status.Stdout, StringComparison.Ordinal);

        // A heatmap left by an earlier collect, whose setting numbering differed, is not kept.
        var stale = Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "heatmaps", "07-old.svg");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "<svg/>");
        var collect = Arithlab.Run(Folder, "sweep", "collect", sweep);
        Assert.True(collect.ExitCode == 0, collect.Stderr);
        Assert.False(File.Exists(stale));
        var rows = SweepFiles.Results(Folder);
        // A row per run x cell of the 3 x 3 grid, each equal to the run's own grid.csv line.
        Assert.Equal(4 * 9, rows.Count);
        foreach (var r in rows)
        {
            var grid = File.ReadAllLines(Path.Combine(Folder, "runs", "sweeps", "tiny", r["run"], "eval", "grid.csv"));
            Assert.Contains($"{r["a_len"]},{r["b_len"]},{r["n"]},{r["correct"]},", grid.Select(l => l[..(l.LastIndexOf(',') + 1)]));
            Assert.Equal(r["run"].EndsWith("-s1", StringComparison.Ordinal) ? "1" : "0", r["seed"]);
            Assert.Equal(int.Parse(r["a_len"], CultureInfo.InvariantCulture) <= 2 && int.Parse(r["b_len"], CultureInfo.InvariantCulture) <= 2, bool.Parse(r["in_distribution"]));
        }
        var sweepFolder = Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep");
        Assert.True(File.Exists(Path.Combine(sweepFolder, "accuracy-by-length.svg")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(sweepFolder, "heatmaps"), "*.svg").Length);
        var report = File.ReadAllText(Path.Combine(sweepFolder, "report.html"));
        Assert.Contains("<table class=\"ranking\">", report, StringComparison.Ordinal);
        Assert.Equal(2 + 1, File.ReadAllLines(Path.Combine(sweepFolder, "ranking.csv")).Length);
    }

    [Fact]
    public async Task A_stopped_sweep_finishes_when_run_again_without_redoing_finished_runs()
    {
        // Run 0 is short; run 1 long enough to be stopped in the middle.
        SweepFiles.WriteBase(Folder, steps: 20, checkpointEvery: 1000000);
        var sweep = Path.Combine(Folder, "sweep.yaml");
        File.WriteAllText(sweep, "name: tiny\nbase: tiny.yaml\ngrid: {train.steps: [20, 2000]}\nseeds: [0]\n");
        var first = Arithlab.Run(Folder, "sweep", "run", sweep, "--runs", "0");
        Assert.True(first.ExitCode == 0, first.Stderr);
        // The progress view counts the run left out by --runs apart from those waiting their turn.
        Assert.Contains("sweep: 1/2 done, 0 running, 0 failed, 0 stopped, 0 waiting, 1 not chosen (--runs)", first.Stdout, StringComparison.Ordinal);
        var done = SweepFiles.RunFolders(Folder).Single();
        var doneStamp = File.GetLastWriteTimeUtc(Path.Combine(done, "checkpoints", "latest"));

        using var process = Arithlab.Start(Folder, ["sweep", "run", sweep]);
        using var cleanup = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var other = await WaitForRunAsync(done);
        var metrics = Path.Combine(other, "metrics.jsonl");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(File.Exists(metrics) && new FileInfo(metrics).Length > 0) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(100);
        }
        Arithlab.Signal(process, "TERM");
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "sweep run did not stop after SIGTERM");

        Assert.True(process.ExitCode == 130, await stderr + await stdout);
        var stoppedAt = SweepFiles.CheckpointStep(other);
        Assert.InRange(stoppedAt, 10, 1999);
        var status = Arithlab.Run(Folder, "sweep", "status", sweep);
        Assert.Contains("1 interrupted, 1 done of 2", status.Stdout, StringComparison.Ordinal);

        var again = Arithlab.Run(Folder, "sweep", "run", sweep);

        Assert.True(again.ExitCode == 0, again.Stderr + again.Stdout);
        Assert.Equal(2000, SweepFiles.CheckpointStep(other));
        Assert.Equal(doneStamp, File.GetLastWriteTimeUtc(Path.Combine(done, "checkpoints", "latest")));
        var log = File.ReadAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "logs", Path.GetFileName(other) + ".log"));
        Assert.Contains($"resuming {other} at step {stoppedAt}", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_stopped_after_eval_wrote_its_results_counts_the_run_done_not_failed()
    {
        SweepFiles.WriteBase(Folder, steps: 10, checkpointEvery: 10);
        var sweep = Path.Combine(Folder, "sweep.yaml");
        File.WriteAllText(sweep, "name: tiny\nbase: tiny.yaml\nseeds: [0]\n");
        using var process = Arithlab.Start(Folder, ["sweep", "run", sweep]);
        using var cleanup = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var run = await WaitForRunAsync(except: "");
        // SIGTERM between eval's results and its exit (it still draws the heatmap): the run is done.
        var summary = Path.Combine(run, "eval", "summary.json");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(summary) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(10);
        }
        Arithlab.Signal(process, "TERM");
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "sweep run did not stop after SIGTERM");

        var log = File.ReadAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "logs", Path.GetFileName(run) + ".log"));
        Assert.True(log.TrimEnd().EndsWith("(exit code 143)", StringComparison.Ordinal), "SIGTERM did not reach eval before it exited:\n" + log);
        Assert.DoesNotContain("failed:", await stderr + await stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(Folder, "runs", "sweeps", "tiny", "sweep", "state"), "*.failed"));
        Assert.Contains("1 done of 1", Arithlab.Run(Folder, "sweep", "status", sweep).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_run_is_reported_and_the_others_finish()
    {
        SweepFiles.WriteBase(Folder, steps: 10, checkpointEvery: 10);
        var sweep = SweepFiles.WriteSweep(Folder, "[0]");
        var plan = Arithlab.Run(Folder, "sweep", "plan", sweep).Stdout;
        // A file where run 0's folder should be: its `train` cannot create the run.
        var blocked = plan.Split('\n').Select(l => l.Trim().Split("  ")).First(p => p[0] == "0")[1];
        Directory.CreateDirectory(Path.Combine(Folder, "runs", "sweeps", "tiny"));
        File.WriteAllText(Path.Combine(Folder, "runs", "sweeps", "tiny", blocked), "not a folder");

        var run = Arithlab.Run(Folder, "sweep", "run", sweep);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"failed: 0 {blocked}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 of 2 runs failed", run.Stderr, StringComparison.Ordinal);
        var status = Arithlab.Run(Folder, "sweep", "status", sweep).Stdout;
        Assert.Contains("1 failed, 1 done of 2", status, StringComparison.Ordinal);

        File.Delete(Path.Combine(Folder, "runs", "sweeps", "tiny", blocked));
        var retry = Arithlab.Run(Folder, "sweep", "run", sweep);
        Assert.True(retry.ExitCode == 0, retry.Stderr);
        Assert.Contains("1 of 2 runs done; running 1", retry.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_sweep_file_is_refused_before_anything_runs()
    {
        SweepFiles.WriteBase(Folder, steps: 10, checkpointEvery: 10);
        var sweep = SweepFiles.WriteSweep(Folder, "[0]", "zip: {model.heads: [2, three]}");

        var run = Arithlab.Run(Folder, "sweep", "run", sweep);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'model.heads' at {sweep}:6:", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder, "runs")));
    }

    private async Task<string> WaitForRunAsync(string except)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var run = Directory.Exists(Path.Combine(Folder, "runs", "sweeps", "tiny")) ? SweepFiles.RunFolders(Folder).FirstOrDefault(r => r != except) : null;
            if (run is not null)
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the run never started");
    }
}
