using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace ArithLab.Cli.Tests;

/// <summary>
/// The README's path through the program on a tiny experiment: `train` writes a run directory,
/// `eval` its grid and heatmap, `plot` its curves and report; Ctrl-C and a broken YAML behave as
/// `arithlab train --help` promises.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class TrainEvalPlotCliTests : CliTestFolder
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    [Fact]
    public void TrainThenEvalThenPlotWriteTheRunsFiles()
    {
        var yaml = WriteExperiment(steps: 40);
        var run = Path.Combine(Folder, "run");

        var train = Arithlab.Run(Folder, "train", yaml, "--run-dir", run);

        Assert.True(train.ExitCode == 0, train.Stderr + train.Stdout);
        Assert.Equal("step-000040", File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim());
        var steps = File.ReadLines(Path.Combine(run, "metrics.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("loss", out _))
            .Select(e => e.GetProperty("step").GetInt64())
            .ToArray();
        Assert.Equal(new long[] { 10, 20, 30, 40 }, steps);

        var eval = Arithlab.Run(Folder, "eval", run);

        Assert.True(eval.ExitCode == 0, eval.Stderr + eval.Stdout);
        // One CSV row per (a, b) cell of the 1..3 × 1..3 grid, each with its tally.
        var cells = File.ReadAllLines(Path.Combine(run, "eval", "grid.csv")).Skip(1)
            .Select(l => l.Split(',')).ToArray();
        Assert.Equal(9, cells.Length);
        foreach (var c in cells)
        {
            var (n, correct, accuracy) = (int.Parse(c[2], CultureInfo.InvariantCulture), int.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture));
            Assert.InRange(correct, 0, n);
            Assert.Equal((double)correct / n, accuracy, 1e-9);
        }
        Assert.Equal("svg", XDocument.Load(Path.Combine(run, "eval", "heatmap.svg")).Root!.Name.LocalName);
        Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(run, "eval", "heatmap.png"))[..8]);
        var offset = Arithlab.Run(Folder, "eval", run, "--abacus-offset", "3");
        Assert.Equal(2, offset.ExitCode);
        Assert.Contains("--abacus-offset shifts Abacus position ids", offset.Stderr, StringComparison.Ordinal);

        var plot = Arithlab.Run(Folder, "plot", run);

        Assert.True(plot.ExitCode == 0, plot.Stderr + plot.Stdout);
        Assert.Equal("svg", XDocument.Load(Path.Combine(run, "plots", "loss.svg")).Root!.Name.LocalName);
        var report = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(run, "plots", "loss.png"))[..8]);
        // One file: the curves and the heatmap are embedded, not linked.
        Assert.Equal(3, report.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.Contains("tiny-cli", report, StringComparison.Ordinal);

        // A run whose saved config no longer matches its checkpoint's science: refused in words.
        var saved = Path.Combine(run, "config.resolved.yaml");
        File.WriteAllText(saved, File.ReadAllText(saved).Replace("lr: 0.003", "lr: 0.004", StringComparison.Ordinal));
        var resume = Arithlab.Run(Folder, "train", "--resume", run);

        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("was trained under science hash", resume.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", resume.Stderr, StringComparison.Ordinal);
    }

    // SIGTERM rather than SIGINT: a test runner may start its children with SIGINT ignored (as a
    // shell does for background jobs), and .NET then leaves it ignored; both signals take the same path.
    [Fact]
    public async Task TerminationWritesACheckpointAndExitsWith130()
    {
        // No periodic checkpoint falls in the test's few seconds: the one found is the signal's.
        var yaml = WriteExperiment(steps: 1_000_000, checkpointEvery: 1_000_000);
        var run = Path.Combine(Folder, "run");
        using var process = Arithlab.Start(Folder, ["train", yaml, "--run-dir", run]);
        using var cleanup = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var metrics = Path.Combine(run, "metrics.jsonl");
        // Interrupt once training is under way (the first metrics line is written at step 10).
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(File.Exists(metrics) && new FileInfo(metrics).Length > 0) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            Thread.Sleep(50);
        }
        if (process.HasExited)
        {
            Assert.Fail($"arithlab train ended before the signal: {await stderr}");
        }

        Arithlab.Signal(process, "TERM");

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "arithlab train did not stop after SIGTERM");
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}: {errors}{output}");
        Assert.Contains("checkpoint", output + errors, StringComparison.Ordinal);
        var latest = File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim();
        var step = long.Parse(latest["step-".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(step, 10, 999_999);
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", latest, "model.safetensors")));
    }

    [Fact]
    public void ABadValueNamesFileLineAndKeyAndExitsWith2()
    {
        var yaml = WriteExperiment(steps: 40).Replace("tiny.yaml", "bad.yaml", StringComparison.Ordinal);
        File.WriteAllText(yaml, File.ReadAllText(Path.Combine(Folder, "tiny.yaml")).Replace("d_model: 32", "d_modle: 32", StringComparison.Ordinal));

        var result = Arithlab.Run(Folder, "train", yaml);

        Assert.Equal(2, result.ExitCode);
        var line = Array.FindIndex(File.ReadAllLines(yaml), l => l.Contains("d_modle", StringComparison.Ordinal)) + 1;
        Assert.Contains($"unknown key 'model.d_modle' at {yaml}:{line}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'd_model'?", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder, "runs")), "a refused config must not create a run directory");
    }

    private string WriteExperiment(int steps, int checkpointEvery = 20)
    {
        var path = Path.Combine(Folder, "tiny.yaml");
        File.WriteAllText(path, $"""
            name: tiny-cli
            seed: 0
            task:
              name: addition
            data:
              format: reversed
              digits: {"{"}min: 1, max: 2{"}"}
            model:
              layers: 1
              d_model: 32
              heads: 2
              d_ff: 64
            train:
              steps: {steps}
              batch_size: 16
              lr: 3e-3
              warmup_steps: 5
              eval_every: 20
            eval:
              grid: {"{"}a: {"{"}min: 1, max: 3{"}"}, b: {"{"}min: 1, max: 3{"}"}{"}"}
              per_cell: 4
            runtime:
              device: cpu
              threads: 1
              log_every: 10
              checkpoint_every: {checkpointEvery}
            """);
        return path;
    }
}
