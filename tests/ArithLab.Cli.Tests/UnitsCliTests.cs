using System.Globalization;

namespace ArithLab.Cli.Tests;

/// <summary>`arithlab units train|bench` and `config explain units`, run as the real program.</summary>
[Collection(CliCollection.Name)]
public sealed class UnitsCliTests : CliTestFolder
{
    private string WriteUnits(string body)
    {
        var path = Path.Combine(Folder, "units.yaml");
        File.WriteAllText(path, "name: u\ntask: {operation: add, input_size: 10, valid_size: 200, test_size: 200}\nmodel: {first: nau, second: nau}\nsuccess: {threshold_samples: 2000}\n" + body);
        return path;
    }

    [Fact]
    public void Bench_writes_the_table_and_the_three_figures()
    {
        var yaml = WriteUnits("train: {iterations: 2000}\n");
        var result = Arithlab.Run(Folder, "units", "bench", yaml, "--seeds", "0..1", "--jobs", "2", "--out", "bench");
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var table = File.ReadAllText(Path.Combine(Folder, "bench", "table.md"));
        Assert.Contains("| + | NAU |", table, StringComparison.Ordinal);
        Assert.Contains("| 2 | 2,000 |", table, StringComparison.Ordinal);
        foreach (var figure in new[] { "success.svg", "u-extrapolation-mse.svg", "u-weights.svg" })
        {
            Assert.True(File.Exists(Path.Combine(Folder, "bench", "plots", figure)), figure);
        }
        Assert.Contains("u seed 1:", result.Stdout, StringComparison.Ordinal);

        // Read back with --finished-only under another length: nothing trains, and the table gives
        // the iterations the seeds ran, not the config's.
        var again = Arithlab.Run(Folder, "units", "bench", yaml, "--seeds", "0..2", "--finished-only", "--set", "train.iterations=5000", "--out", "bench");
        Assert.True(again.ExitCode == 0, again.Stderr + again.Stdout);
        Assert.Contains("| 2 | 2,000 |", File.ReadAllText(Path.Combine(Folder, "bench", "table.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_stops_on_SIGTERM_with_a_checkpoint_and_exits_with_130()
    {
        var yaml = WriteUnits("train: {iterations: 100000000, eval_every: 1000}\nruntime: {checkpoint_every: 100000000}\n");
        var run = Path.Combine(Folder, "run");
        using var process = Arithlab.Start(Folder, ["units", "train", yaml, "--run-dir", run]);
        using var cleanup = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var metrics = Path.Combine(run, "metrics.jsonl");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(File.Exists(metrics) && File.ReadAllLines(metrics).Length > 1) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            Thread.Sleep(50);
        }
        Assert.False(process.HasExited, "units train ended before the signal");
        Arithlab.Signal(process, "TERM");
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "units train did not stop after SIGTERM");
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}: {errors}{output}");
        var latest = File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim();
        var step = long.Parse(latest["step-".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(step, 1000, 99_999_999);
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", latest, "optimizer.safetensors")));
    }

    [Fact]
    public void A_bad_key_names_file_line_and_key_and_exits_with_2()
    {
        var yaml = WriteUnits("train: {iteratons: 10}\n");
        var result = Arithlab.Run(Folder, "units", "train", yaml);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown key 'train.iteratons' at ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("units.yaml:5:9", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'train.iterations'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_explain_units_lists_every_units_key()
    {
        var result = Arithlab.Run(Folder, "config", "explain", "units");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("train.sparsity.start", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("task.extrapolation", result.Stdout, StringComparison.Ordinal);
    }
}
