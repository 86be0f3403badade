using System.Globalization;
using ArithLab.Cli.Tests.Corpus;
using ArithLab.Training.Runs;

namespace ArithLab.Cli.Tests;

/// <summary>Two `train` processes on one run directory: the second is refused, and the first's files stay its own.</summary>
[Collection(CliCollection.Name)]
public sealed class RunLockCliTests : CliTestFolder
{
    [Fact]
    public async Task ASecondTrainOfARunningRunIsRefusedWithTheHoldersPid()
    {
        var first = Path.Combine(Folder, "first.yaml");
        File.WriteAllText(first, TrainedRunFixture.TinyYaml.Replace("steps: 40", "steps: 1000000", StringComparison.Ordinal));
        var second = Path.Combine(Folder, "second.yaml");
        File.WriteAllText(second, TrainedRunFixture.TinyYaml.Replace("lr: 3e-3", "lr: 5e-4", StringComparison.Ordinal));
        var run = Path.Combine(Folder, "run");
        using var process = Arithlab.Start(Folder, ["train", first, "--run-dir", run]);
        using var cleanup = new KillOnDispose(process);
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var metrics = Path.Combine(run, "metrics.jsonl");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(File.Exists(metrics) && new FileInfo(metrics).Length > 0) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            Thread.Sleep(50);
        }
        Assert.False(process.HasExited, $"the first train ended early: {(process.HasExited ? await stderr : "")}");
        var config = File.ReadAllText(Path.Combine(run, "config.resolved.yaml"));

        var refused = Arithlab.Run(Folder, "train", second, "--run-dir", run);

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains($"is being trained by process {process.Id.ToString(CultureInfo.InvariantCulture)}", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(config, File.ReadAllText(Path.Combine(run, "config.resolved.yaml")));
        Assert.Contains("lr: 0.003", config, StringComparison.Ordinal);
        Assert.False(process.HasExited, "the first train must keep running");

        // kill -9 leaves no stale lock: the kernel drops it with the process.
        process.Kill();
        process.WaitForExit();
        using var again = RunLock.ForWriting(run);
        Assert.True(again.IsExclusive);
    }
}
