#:project ../../src/Plots/ArithLab.Plots.csproj
// Draws docs/figures/lee2023-train-size.png: held-out exact match against the training-set size N for
// the runs of experiments/sweeps/lee2023-train-size.yaml, at one training step (every run logs the
// held-out check every train.eval_every steps), so that runs stopped early still compare at equal steps:
//   dotnet run docs/figures/lee2023-train-size.cs -- runs/sweeps/lee2023-train-size 2000 docs/figures/lee2023-train-size.png
// `arithlab sweep collect` draws the same curves from the finished runs' eval grids (accuracy-by-train-size.png).
using System.Globalization;
using System.Text.Json;
using ArithLab.Plots;

var folder = args.Length > 0 ? args[0] : Path.Combine("runs", "sweeps", "lee2023-train-size");
var step = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
var output = args.Length > 2 ? args[2] : Path.Combine("docs", "figures", "lee2023-train-size.png");

var points = new List<(string Format, int Size, int Seed, double HeldOut)>();
foreach (var run in Directory.EnumerateDirectories(folder, "lee2023-train-size-*").Order(StringComparer.Ordinal))
{
    var config = Path.Combine(run, "config.resolved.yaml");
    var metrics = Path.Combine(run, "metrics.jsonl");
    if (!File.Exists(config) || !File.Exists(metrics))
    {
        continue;
    }
    var (format, size, seed) = Settings(File.ReadAllLines(config));
    var heldOut = File.ReadLines(metrics)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Where(r => r.GetProperty("step").GetInt64() == step && r.TryGetProperty("held_out_exact_match", out _))
        .Select(r => r.GetProperty("held_out_exact_match").GetDouble())
        .LastOrDefault(double.NaN);
    if (double.IsFinite(heldOut))
    {
        points.Add((format, size, seed, heldOut));
        Console.WriteLine($"{format,-9} N={size,6} seed {seed}: held-out exact match {heldOut:0.000} at step {step}");
    }
}

var curves = points.GroupBy(p => p.Format).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
{
    var bySize = g.GroupBy(p => p.Size).OrderBy(s => s.Key).ToList();
    return new TrainSizeCurve(g.Key, bySize.Select(s => (double)s.Key).ToList(),
        bySize.Select(s => s.Average(p => p.HeldOut)).ToList(), bySize.Select(s => s.Min(p => p.HeldOut)).ToList(),
        bySize.Select(s => s.Max(p => p.HeldOut)).ToList(), bySize.Min(s => s.Count()));
}).ToList();
TrainSizeCurves.Create(curves, $"Lee et al. 2023 at CPU size: plain vs reversed, step {step}", "held-out exact match (500 test-side problems, 1-3 digits)")
    .SaveAs(output);
Console.WriteLine($"wrote {output}");

// data.format and data.train_size of the resolved config's data section, and the run seed.
static (string Format, int Size, int Seed) Settings(string[] lines)
{
    var section = "";
    var (format, size, seed) = ("", 0, 0);
    foreach (var line in lines)
    {
        if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
        {
            section = line.Split(':')[0];
            if (section == "seed")
            {
                seed = int.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
            }
            continue;
        }
        var parts = line.Trim().Split(':', 2);
        if (section == "data" && parts[0] == "format")
        {
            format = parts[1].Trim();
        }
        if (section == "data" && parts[0] == "train_size")
        {
            size = int.Parse(parts[1].Trim(), CultureInfo.InvariantCulture);
        }
    }
    return (format, size, seed);
}
