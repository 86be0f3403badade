#r "../src/Cli/bin/Release/net10.0/SkiaSharp.dll"
// Shared by every notebook's setup cell (#load "ArithLab.csx"): formatters that show the lab's charts
// inline as SVG and small tensors as tables, and the helpers the notebooks use to train or load a
// run and to record the numbers and figures a notebook produced (notebooks/out/<notebook>/).
using System.IO;
using System.Text;
using System.Text.Json;
using ArithLab.Plots;
using ArithLab.Torch;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;
using ArithLab.Training.Runs;
using ArithLab.Training.Setup;
using ArithLab.Training;
using Microsoft.DotNet.Interactive.Formatting;

// The kernel runs from the dotnet tool's folder, where the native library's usual search (next to
// the assemblies, then native/build/ above them) cannot find the checkout's build; point at it
// before the first tensor unless the user already set ARITHLAB_NATIVE.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ARITHLAB_NATIVE")))
{
    Environment.SetEnvironmentVariable("ARITHLAB_NATIVE", Path.GetFullPath(Path.Combine("..", "native", "build", "libarithlab_native.so")));
}

// Likewise SkiaSharp (ScottPlot's renderer): its native library sits under runtimes/<rid>/native/ of
// the build output, which a kernel loading the assemblies by #r does not search.
System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(SkiaSharp.SKTypeface).Assembly, (name, assembly, searchPath) =>
{
    if (!name.StartsWith("libSkiaSharp", StringComparison.Ordinal))
    {
        return IntPtr.Zero;
    }
    var rid = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
    return System.Runtime.InteropServices.NativeLibrary.Load(Path.GetFullPath(Path.Combine("..", "src", "Cli", "bin", "Release", "net10.0", "runtimes", rid, "native", "libSkiaSharp.so")));
});

static string ChartSvg(Action<string> saveAs)
{
    // Through SaveAs, the charts' stable public API, whatever engine draws them.
    var path = Path.Combine(Path.GetTempPath(), $"arithlab-chart-{Guid.NewGuid():N}.svg");
    saveAs(path);
    try { return File.ReadAllText(path); } finally { File.Delete(path); }
}

Formatter.Register<LineChart>((c, w) => w.Write(ChartSvg(c.SaveAs)), "text/html");
Formatter.Register<Heatmap>((c, w) => w.Write(ChartSvg(c.SaveAs)), "text/html");
Formatter.Register<BarChart>((c, w) => w.Write(ChartSvg(c.SaveAs)), "text/html");
Formatter.Register<ScatterChart>((c, w) => w.Write(ChartSvg(c.SaveAs)), "text/html");
Formatter.Register<Tensor>((t, w) => w.Write(TensorTable(t)), "text/html");

/// <summary>A tensor of at most 2 dimensions and 400 elements as an HTML table; larger ones as their shape.</summary>
static string TensorTable(Tensor t)
{
    var shape = $"[{string.Join(", ", t.Shape)}] {t.DType}";
    if (t.Dim > 2 || t.NumEl > 400) return $"<div>tensor {shape}</div>";
    using var d = t.Detach().To(ScalarType.Float64).Cpu().Contiguous();
    var values = d.ToArray<double>();
    var columns = t.Dim == 2 ? (int)t.Size(1) : Math.Max(1, values.Length);
    var sb = new StringBuilder($"<div>tensor {shape}</div><table>");
    for (var r = 0; r < values.Length / Math.Max(1, columns); r++)
    {
        sb.Append("<tr>");
        for (var c = 0; c < columns; c++) sb.Append("<td>").Append(values[r * columns + c].ToString("G4")).Append("</td>");
        sb.Append("</tr>");
    }
    return sb.Append("</table>").ToString();
}

/// <summary>The lab from a notebook: repository paths, training or reusing a run, and a notebook's recorded results.</summary>
public static class Lab
{
    public static string Root { get; } = FindRoot();

    /// <summary>Set by the test command (ARITHLAB_NOTEBOOK_QUICK=1): small settings that run in a minute or two.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable("ARITHLAB_NOTEBOOK_QUICK") == "1";

    public static string Notebook { get; set; } = "notebook";

    public static string Output => Directory.CreateDirectory(Path.Combine(Root, "notebooks", "out", Notebook)).FullName;

    private static readonly Dictionary<string, object> s_numbers = new();

    /// <summary>Trains an experiment into runs/notebooks/&lt;name&gt; (one thread), or reuses that run when it is already trained.</summary>
    public static TrainedModel Train(string experiment, string runName, params string[] overrides)
    {
        var config = ConfigLoader.Load(Path.Combine(Root, experiment), overrides.Append("runtime.threads=1").Append("runtime.progress=false"));
        var folder = Path.Combine(Root, "runs", "notebooks", runName);
        var finished = Directory.Exists(folder) && RunDirectory.Open(folder).Checkpoints.Latest() is { } last && last.Step == config.Train.Steps
            && ConfigHash.Of(RunDirectory.Open(folder).LoadConfig()) == ConfigHash.Of(config);
        if (!finished)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var run = RunDirectory.Create(config, folder);
            using var x = Experiment.Create(config, Device.Cpu);
            var outcome = new Trainer(x, run).Run();
            Console.WriteLine($"trained {runName}: {outcome.Message}");
        }
        return TrainedModel.Load(folder, Device.Cpu);
    }

    /// <summary>Records a key number of this notebook (written to out/&lt;notebook&gt;/numbers.json, which the tests read).</summary>
    public static T Record<T>(string key, T value)
    {
        s_numbers[key] = value!;
        File.WriteAllText(Path.Combine(Output, "numbers.json"), JsonSerializer.Serialize(s_numbers, new JsonSerializerOptions { WriteIndented = true }));
        return value;
    }

    /// <summary>Saves a figure as out/&lt;notebook&gt;/&lt;name&gt;.svg and returns it for inline display.</summary>
    public static LineChart Figure(string name, LineChart chart) { chart.SaveAs(Path.Combine(Output, name + ".svg")); return chart; }
    public static Heatmap Figure(string name, Heatmap chart) { chart.SaveAs(Path.Combine(Output, name + ".svg")); return chart; }
    public static BarChart Figure(string name, BarChart chart) { chart.SaveAs(Path.Combine(Output, name + ".svg")); return chart; }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ArithLab.slnx"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("run the notebooks from inside the ArithLab repository (no ArithLab.slnx above " + Directory.GetCurrentDirectory() + ")");
    }
}
