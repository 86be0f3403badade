using ArithLab.Plots;

namespace ArithLab.Training.Reports;

/// <summary>
/// The training curves of a run: every loss series (the trainer's loss, loss_avg, held_out_loss;
/// not loss_scale, which is a mixed-precision factor) on one chart with a log axis, since losses fall
/// over decades; every accuracy series (train_exact_match, held_out_exact_match, or any name with
/// "acc") on another from 0 to 1.
/// </summary>
public static class RunCurves
{
    public static bool IsLoss(string name) =>
        name.Contains("loss", StringComparison.OrdinalIgnoreCase) && !name.Contains("loss_scale", StringComparison.OrdinalIgnoreCase);

    public static bool IsAccuracy(string name) =>
        name.Contains("acc", StringComparison.OrdinalIgnoreCase) || name.Contains("exact_match", StringComparison.OrdinalIgnoreCase);

    /// <summary>The loss chart (<see cref="LossCurves"/>), or null when the log has no loss.</summary>
    public static LineChart? Loss(IReadOnlyList<MetricSeries> metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var curves = Curves(metrics.Where(m => IsLoss(m.Name)));
        return curves.Count == 0 ? null : LossCurves.Create(curves, title);
    }

    /// <summary>The accuracy chart (<see cref="AccuracyCurves"/>), or null when the log has no accuracy.</summary>
    public static LineChart? Accuracy(IReadOnlyList<MetricSeries> metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var curves = Curves(metrics.Where(m => IsAccuracy(m.Name) && !IsLoss(m.Name)));
        return curves.Count == 0 ? null : AccuracyCurves.Create(curves, title);
    }

    private static List<Curve> Curves(IEnumerable<MetricSeries> metrics) =>
        metrics.Select(m => new Curve(m.Name, m.Steps, m.Values)).ToList();
}
