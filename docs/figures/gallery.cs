#:project ../../src/Plots/ArithLab.Plots.csproj
// Draws the example figures of docs/plots.md into docs/figures/:
//   dotnet run docs/figures/gallery.cs
// The heatmap and curves of a real run come from `arithlab eval` and `arithlab plot` (see docs/plots.md).
using ArithLab.Plots;

var folder = args.Length > 0 ? args[0] : Path.Combine("docs", "figures");

// Loss curves over 2,000 steps, falling over three decades.
var steps = Enumerable.Range(0, 41).Select(i => i * 50.0).ToArray();
var train = steps.Select(s => 2.4 * Math.Exp(-s / 300) + 0.002 + 0.01 * Math.Exp(-s / 2000)).ToArray();
var heldOut = steps.Select(s => 2.5 * Math.Exp(-s / 320) + 0.004 + 0.02 * Math.Exp(-s / 1500)).ToArray();
LossCurves.Create([new Curve("loss", steps, train), new Curve("held_out_loss", steps, heldOut)], "quickstart: addition, reversed")
    .SaveAs(Path.Combine(folder, "loss.png"));

// A 10 × 10 length grid, trained on 1..5 digits: accuracy falls off past the training lengths.
var accuracy = new double[10, 10];
for (var a = 1; a <= 10; a++)
{
    for (var b = 1; b <= 10; b++)
    {
        var beyond = Math.Max(0, Math.Max(a, b) - 5);
        accuracy[a - 1, b - 1] = Math.Round(Math.Exp(-0.45 * beyond) * (1 - 0.004 * (a + b)), 3);
    }
}
LengthHeatmap.Create("addition", "reversed", new LengthSpan(1, 10), new LengthSpan(1, 10), accuracy, new LengthSpan(1, 5), new LengthSpan(1, 5))
    .SaveAs(Path.Combine(folder, "heatmap.png"));

// Numbers 0..99 on a circle, coloured by value: a "clock" probe projection.
var n = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
new ScatterChart(new ScatterChartOptions { Title = "helix probe, period 10", EqualAspect = true, ColorBarLabel = "number",
        X = new AxisOptions { Label = "cos" }, Y = new AxisOptions { Label = "sin" } })
    .Add(new ScatterSeries("n", n.Select(v => Math.Cos(2 * Math.PI * v / 10) * (1 + v / 200)).ToArray(),
        n.Select(v => Math.Sin(2 * Math.PI * v / 10) * (1 + v / 200)).ToArray())
    {
        Values = n,
        Labels = n.Select(v => v >= 90 ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null).ToArray(),
    })
    .SaveAs(Path.Combine(folder, "scatter.png"));

new BarChart(["addition", "subtraction", "multiplication"], new BarChartOptions
    {
        Title = "exact match beyond the training lengths",
        Y = new AxisOptions { Label = "accuracy", Min = 0, Max = 1 },
        ShowValues = true,
        ValueFormat = v => $"{v * 100:0}%",
    })
    .Add("abacus", [0.97, 0.91, 0.42])
    .Add("coupled", [0.99, 0.95, 0.38])
    .SaveAs(Path.Combine(folder, "bars.png"));
Console.WriteLine($"wrote loss.png, heatmap.png, scatter.png and bars.png to {folder}");
