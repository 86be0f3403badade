using ArithLab.Training.Config;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Reports;

/// <summary>
/// Turns a run's metrics log (parsed by <see cref="MetricsLog"/>, which drops a half-written last
/// line so a run can be plotted while it trains) into one series per numeric field. A record's x
/// is its "step" field, else its position in the log. Fields logged only on some records
/// (evaluation every k steps) get points only there.
/// </summary>
public static class MetricsReader
{
    public const string StepField = "step";

    public static IReadOnlyList<MetricSeries> Read(string path) => Collect(MetricsLog.Read(path));

    public static IReadOnlyList<MetricSeries> ParseJsonLines(IReadOnlyList<string> lines) => Collect(MetricsLog.Parse(lines, LogFormat.Jsonl));

    public static IReadOnlyList<MetricSeries> ParseCsv(IReadOnlyList<string> lines) => Collect(MetricsLog.Parse(lines, LogFormat.Csv));

    private static List<MetricSeries> Collect(IReadOnlyList<IReadOnlyDictionary<string, double?>> records)
    {
        var order = new List<string>();
        var points = new Dictionary<string, (List<double> X, List<double> Y)>(StringComparer.Ordinal);
        for (var r = 0; r < records.Count; r++)
        {
            var step = records[r].TryGetValue(StepField, out var s) && s is { } logged ? logged : r;
            foreach (var (name, value) in records[r])
            {
                if (name == StepField || value is not { } v || double.IsNaN(v))
                {
                    continue;
                }
                if (!points.TryGetValue(name, out var series))
                {
                    points[name] = series = ([], []);
                    order.Add(name);
                }
                series.X.Add(step);
                series.Y.Add(v);
            }
        }
        return order.Select(n => new MetricSeries(n, points[n].X, points[n].Y)).ToList();
    }
}
