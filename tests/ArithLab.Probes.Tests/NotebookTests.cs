using System.Diagnostics;
using System.Text.Json;

namespace ArithLab.Probes.Tests;

/// <summary>
/// Executes every notebook in notebooks/ headless through the real .NET Interactive kernel, as a user's
/// machine would (Debian's <c>jupyter nbconvert --execute</c>, the kernel from the local tool manifest;
/// scripts/setup.sh installs both), with the small settings of ARITHLAB_NOTEBOOK_QUICK=1. A cell error
/// fails nbconvert; then each notebook's figures and key numbers must be there and make sense.
/// One at a time: two kernels starting at once race for the same HTTP port.
/// </summary>
[Collection(NotebookCollection.Name)]
public class NotebookTests
{
    private static readonly string s_root = FindRoot();

    [Theory]
    [InlineData("inside-quickstart", new[] { "attention", "logit-lens" })]
    [InlineData("fourier-modular-addition", new[] { "accuracy", "embedding-spectrum", "neuron-spectrum" })]
    [InlineData("helix", new[] { "helix-vs-baselines" })]
    [InlineData("length-generalization-lens", new[] { "same-significance-mass" })]
    public void The_notebook_runs_through_the_kernel_and_produces_its_figures_and_numbers(string notebook, string[] figures)
    {
        var output = Path.Combine(s_root, "notebooks", "out", notebook);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
        var executed = Path.Combine(Path.GetTempPath(), $"arithlab-{notebook}-{Guid.NewGuid():N}.ipynb");
        try
        {
            var (code, log) = Execute(notebook, executed);

            Assert.True(code == 0, $"jupyter nbconvert failed on {notebook}:\n{Tail(log)}");
            foreach (var figure in figures)
            {
                Assert.True(File.Exists(Path.Combine(output, figure + ".svg")), $"{notebook} did not save {figure}.svg");
            }
            Assert.Contains("<svg", File.ReadAllText(executed), StringComparison.Ordinal);
            using var numbers = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "numbers.json")));
            Check(notebook, numbers.RootElement);
        }
        finally
        {
            File.Delete(executed);
        }
    }

    private static void Check(string notebook, JsonElement n)
    {
        double Number(string key) => n.GetProperty(key).GetDouble();
        double[] Numbers(string key) => n.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        switch (notebook)
        {
            case "inside-quickstart":
                Assert.InRange(Number("best_head_same_significance_mass"), 0, 1);
                Assert.Equal(2, Numbers("logit_lens_accuracy_by_layer").Length);   // the quickstart has 2 blocks
                Assert.All(Numbers("logit_lens_accuracy_by_layer"), v => Assert.InRange(v, 0, 1));
                Assert.InRange(Number("carry_probe_chance"), 0.5, 1);               // two classes: the commoner is at least half
                Assert.InRange(Number("carry_probe_accuracy_last_layer"), 0, 1);
                break;
            case "fourier-modular-addition":
                Assert.InRange(Number("held_out_exact_match"), 0, 1);
                Assert.InRange(Number("embedding_top8_share"), 0, 1);
                Assert.All(Numbers("embedding_key_frequencies"), k => Assert.InRange(k, 1, 31 / 2));   // p = 31: k in 1..15
                Assert.InRange(Number("neuron_top8_share"), 0, 1);
                Assert.InRange(Number("logits_cos_share"), 0, 1);
                break;
            case "helix":
                // The top principal components hold the most variance any as many directions can.
                Assert.True(Number("helix_r2") <= Number("pca_r2") + 1e-9, $"helix {Number("helix_r2")} above PCA {Number("pca_r2")}");
                Assert.InRange(Number("polynomial_r2"), 0, 1);
                Assert.InRange(Number("random_periods_r2"), 0, 1);
                Assert.True(double.IsFinite(Number("helix_patch_recovered")));
                break;
            case "length-generalization-lens":
                foreach (var model in new[] { "coupled", "learned" })
                {
                    var mass = Numbers($"{model}_mass_by_length");
                    Assert.Equal(6, mass.Length);
                    Assert.All(mass, v => Assert.InRange(v, 0, 1));
                }
                break;
            default:
                throw new ArgumentException($"no checks for {notebook}");
        }
    }

    private static (int Code, string Log) Execute(string notebook, string executed)
    {
        var jupyter = new[] { "/usr/bin/jupyter", "/usr/local/bin/jupyter" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("jupyter is not installed; scripts/setup.sh installs jupyter-nbconvert, python3-nbclient and python3-ipykernel and registers the .NET kernel");
        var info = new ProcessStartInfo(jupyter)
        {
            WorkingDirectory = Path.Combine(s_root, "notebooks"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "nbconvert", "--to", "notebook", "--execute", notebook + ".ipynb", "--ExecutePreprocessor.timeout=600", "--output", executed })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ARITHLAB_NOTEBOOK_QUICK"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{notebook} ran over 15 minutes\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ArithLab.slnx")))
            {
                return d.FullName;
            }
        }
        throw new DirectoryNotFoundException("the tests run from inside the repository");
    }
}
