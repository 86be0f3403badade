#:project ../../src/Plots/ArithLab.Plots.csproj
// Draws the scatter and bar examples of docs/plots.md into docs/figures/:
//   dotnet run docs/figures/gallery.cs
// The heatmap and curves there are a real run's, from `arithlab eval` and `arithlab plot`.
using ArithLab.Plots;

var folder = args.Length > 0 ? args[0] : Path.Combine("docs", "figures");

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
Console.WriteLine($"wrote scatter.png and bars.png to {folder}");
