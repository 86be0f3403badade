using System.Globalization;
using System.Text.Json;

namespace ArithLab.Training.Reports;

/// <summary>
/// Reads a run's metrics log for plotting — JSON lines (one object per record) or CSV with a header — into one
/// series per numeric field. A record's x is its "step" field, else its position in the log. Fields
/// logged only on some records (evaluation every k steps) get points only there. Unlike the
/// trainer's strict reader (<see cref="Runs.MetricsLog.Read"/>) it skips a half-written last line,
/// so a run can be plotted while it trains.
/// </summary>
public static class MetricsReader
{
    public const string StepField = "step";

    public static IReadOnlyList<MetricSeries> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var lines = File.ReadAllLines(path);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(lines) : ParseJsonLines(lines);
    }

    public static IReadOnlyList<MetricSeries> ParseJsonLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var records = new List<List<(string Name, double Value)>>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException) when (number > 1)
            {
                // A run still writing may leave its last line half written; earlier lines are complete.
                continue;
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var fields = new List<(string, double)>();
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var v))
                    {
                        fields.Add((p.Name, v));
                    }
                }
                records.Add(fields);
            }
        }
        return Collect(records);
    }

    public static IReadOnlyList<MetricSeries> ParseCsv(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return [];
        }
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var records = new List<List<(string Name, double Value)>>();
        foreach (var line in lines.Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var cells = line.Split(',');
            var fields = new List<(string, double)>();
            for (var i = 0; i < Math.Min(cells.Length, header.Length); i++)
            {
                if (double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    fields.Add((header[i], v));
                }
            }
            records.Add(fields);
        }
        return Collect(records);
    }

    private static List<MetricSeries> Collect(List<List<(string Name, double Value)>> records)
    {
        var order = new List<string>();
        var points = new Dictionary<string, (List<double> X, List<double> Y)>(StringComparer.Ordinal);
        for (var r = 0; r < records.Count; r++)
        {
            var step = records[r].Where(f => f.Name == StepField).Select(f => (double?)f.Value).FirstOrDefault() ?? r;
            foreach (var (name, value) in records[r])
            {
                if (name == StepField)
                {
                    continue;
                }
                if (!points.TryGetValue(name, out var series))
                {
                    points[name] = series = ([], []);
                    order.Add(name);
                }
                series.X.Add(step);
                series.Y.Add(value);
            }
        }
        return order.Select(n => new MetricSeries(n, points[n].X, points[n].Y)).ToList();
    }
}
