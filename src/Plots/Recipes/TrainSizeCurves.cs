namespace ArithLab.Plots;

/// <summary>One setting's exact match against the number of distinct training examples N, over seeds.</summary>
/// <param name="Name">The setting (e.g. the data format).</param>
/// <param name="Sizes">The training-set sizes N, ascending.</param>
/// <param name="Mean">Mean exact match over seeds at each N (a fraction).</param>
/// <param name="Min">Lowest seed at each N.</param>
/// <param name="Max">Highest seed at each N.</param>
/// <param name="Seeds">Seeds behind each setting's points (the spread is drawn when more than one).</param>
public sealed record TrainSizeCurve(string Name, IReadOnlyList<double> Sizes, IReadOnlyList<double> Mean, IReadOnlyList<double> Min, IReadOnlyList<double> Max, int Seeds);

/// <summary>
/// Sample-efficiency curves, as Lee et al. 2023 draw them: exact match against the training-set size
/// N on a log axis, a solid line per setting at the mean over seeds and thin dashed lines of the same
/// colour at the lowest and highest seed.
/// </summary>
public static class TrainSizeCurves
{
    public static LineChart Create(IReadOnlyList<TrainSizeCurve> curves, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chart = new LineChart(new LineChartOptions
        {
            Title = title,
            Width = 800,
            Height = 480,
            X = new AxisOptions { Label = "distinct training examples N (data.train_size)", Scale = AxisScale.Log10 },
            Y = new AxisOptions { Label = yLabel, Min = 0, Max = 1 },
            Legend = true,
        });
        for (var i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            SeedSpread.Add(chart, c.Name, Palette.Category(i), c.Sizes, c.Mean, c.Min, c.Max, c.Seeds);
        }
        return chart;
    }
}
