using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace ArithLab.Cli.Tests;

/// <summary>`arithlab probe` on tiny runs: each probe writes its folder and joins the report; mistakes get words, not traces.</summary>
[Collection(CliCollection.Name)]
public sealed class ProbeCliTests : CliTestFolder
{
    [Fact]
    public void Every_digit_probe_writes_its_numbers_and_figures_into_the_report()
    {
        var run = Train("addition", "reversed", "positions: coupled", "[coupled]");

        foreach (var probe in new[] { "attention", "linear", "patch", "fourier" })
        {
            var result = Arithlab.Run(Folder, "probe", run, probe, "--problems", "40");

            Assert.True(result.ExitCode == 0, probe + ": " + result.Stderr + result.Stdout);
            var folder = Path.Combine(run, "probes", probe);
            Assert.True(File.Exists(Path.Combine(folder, "summary.json")), probe);
            Assert.All(Directory.GetFiles(folder, "*.svg"), f => Assert.Equal("svg", XDocument.Load(f).Root!.Name.LocalName));
        }
        // 1 layer × 2 heads of patterns, and the mass for lengths 1..3 (the eval grid).
        Assert.Equal(2, Directory.GetFiles(Path.Combine(run, "probes", "attention"), "pattern-*.svg").Length);
        var mass = File.ReadAllLines(Path.Combine(run, "probes", "attention", "same_significance.csv"));
        Assert.Equal("layer,head,len1,len2,len3", mass[0]);
        Assert.All(mass.Skip(1).SelectMany(l => l.Split(',').Skip(2)), v => Assert.InRange(double.Parse(v, CultureInfo.InvariantCulture), 0, 1));
        // Ten digit tokens: frequencies 1..5, whose shares split the variance (Parseval).
        var shares = File.ReadAllLines(Path.Combine(run, "probes", "fourier", "spectrum.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, shares.Length);
        Assert.Equal(1.0, shares.Sum(), 9);
        var report = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("probes/attention", report, StringComparison.Ordinal);
        Assert.Contains("probes/patch", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Modular_addition_gets_a_spectrum_over_residues_and_a_helix_with_patching()
    {
        var run = Train("modular-addition", "plain", "positions: none", "[learned]", "task.modulus: 13");

        var fourier = Arithlab.Run(Folder, "probe", run, "fourier", "--hook", "blocks.0.mlp.hook_post", "--at", "last");
        var helix = Arithlab.Run(Folder, "probe", run, "helix", "--problems", "20");

        Assert.True(fourier.ExitCode == 0, fourier.Stderr);
        Assert.True(helix.ExitCode == 0, helix.Stderr);
        using var spectrum = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "probes", "fourier", "summary.json")));
        Assert.Equal(13, spectrum.RootElement.GetProperty("n").GetInt32());
        using var fit = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "probes", "helix", "summary.json")));
        Assert.Equal(4, fit.RootElement.GetProperty("r_squared").EnumerateObject().Count());
        Assert.True(fit.RootElement.GetProperty("patch_pairs").GetInt32() > 0);
    }

    [Fact]
    public void Mistakes_are_explained()
    {
        var run = Train("modular-addition", "plain", "positions: none", "[learned]", "task.modulus: 13");

        var hook = Arithlab.Run(Folder, "probe", run, "fourier", "--hook", "blocks.0.hook_resid_pots");
        var kind = Arithlab.Run(Folder, "probe", run, "fouirer");
        var linear = Arithlab.Run(Folder, "probe", run, "linear");

        Assert.NotEqual(0, hook.ExitCode);
        Assert.Contains("did you mean 'blocks.0.hook_resid_post'?", hook.Stderr, StringComparison.Ordinal);
        Assert.Contains("hook points of this model: hook_embed, hook_pos_embed, blocks.0.hook_resid_pre", hook.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'fourier'?", kind.Stderr, StringComparison.Ordinal);
        Assert.Contains("modular addition has none", linear.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", hook.Stderr + kind.Stderr + linear.Stderr, StringComparison.Ordinal);
    }

    private string Train(string task, string format, string positions, string positional, string extra = "")
    {
        var name = $"{task}-{Guid.NewGuid():N}"[..24];
        var path = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(path, $"""
            name: {name}
            task:
              name: {task}
            data:
              format: {format}
              digits: {"{"}min: 1, max: 2{"}"}
              {positions}
            model:
              layers: 1
              d_model: 32
              heads: 2
              d_ff: 64
              positional: {positional}
            train:
              steps: 20
              batch_size: 16
              warmup_steps: 5
              eval_every: 20
            eval:
              grid: {"{"}a: {"{"}min: 1, max: 3{"}"}, b: {"{"}min: 1, max: 3{"}"}{"}"}
            runtime:
              device: cpu
              threads: 1
              progress: false
            """);
        var run = Path.Combine(Folder, name);
        var args = new List<string> { "train", path, "--run-dir", run };
        if (extra.Length > 0)
        {
            args.AddRange(["--set", extra.Replace(": ", "=", StringComparison.Ordinal)]);
        }
        var train = Arithlab.Run(Folder, [.. args]);
        Assert.True(train.ExitCode == 0, train.Stderr + train.Stdout);
        return run;
    }
}
