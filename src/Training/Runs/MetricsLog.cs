using System.Globalization;
using System.Text;
using System.Text.Json;
using ArithLab.Training.Config;

namespace ArithLab.Training.Runs;

/// <summary>
/// Appends <see cref="StepMetrics"/> to the run's metrics file, as JSON lines or CSV, one flushed
/// line per record so a crash loses nothing already logged. Numbers are written in their shortest
/// round-trip form, so a resumed run's losses can be compared bit for bit with an uninterrupted one.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly LogFormat _format;

    private MetricsLog(string path, LogFormat format)
    {
        _format = format;
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        _writer = new StreamWriter(path, append: true, new UTF8Encoding(false));
        if (!exists && format == LogFormat.Csv)
        {
            _writer.WriteLine(string.Join(',', StepMetrics.Columns));
            _writer.Flush();
        }
    }

    public string Path => ((FileStream)_writer.BaseStream).Name;

    /// <summary>The cut-off last line <see cref="Open"/> dropped (a write a crash or a full disk interrupted), or null.</summary>
    public string? DroppedPartialLine { get; private init; }

    /// <summary>
    /// Opens for appending; with <paramref name="keepThroughStep"/>, first drops lines of later steps (a
    /// resumed run rewrites them from its checkpoint's step) and a cut-off last line. A damaged line
    /// before the last one is corruption and throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static MetricsLog Open(string path, LogFormat format, long? keepThroughStep = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? dropped = null;
        if (keepThroughStep is { } last && File.Exists(path))
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
            var kept = new List<string>();
            for (var i = 0; i < lines.Count; i++)
            {
                var isHeader = format == LogFormat.Csv && i == 0;
                if (isHeader || Record(lines[i], format) is not null)
                {
                    if (isHeader || StepOf(lines[i], format) is not { } step || step <= last)
                    {
                        kept.Add(lines[i]);
                    }
                }
                else if (i == lines.Count - 1)
                {
                    dropped = lines[i];
                }
                else
                {
                    throw new InvalidDataException($"{path} line {i + 1} is not a complete metrics record: '{lines[i]}'; repair or delete that line, then resume");
                }
            }
            AtomicFile.WriteAllText(path, kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
        }
        return new MetricsLog(path, format) { DroppedPartialLine = dropped };
    }

    // A line of the file as a record, or null when it is not a complete one (CSV checks the column count).
    private static Dictionary<string, double?>? Record(string line, LogFormat format) =>
        format == LogFormat.Csv ? ParseCsv(line, StepMetrics.Columns.ToArray()) : ParseJson(line);

    public void Write(StepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        WriteRecord(StepMetrics.Columns, metrics.Values());
    }

    /// <summary>
    /// Writes one record of other columns than <see cref="StepMetrics"/>'s (the arithmetic-unit runs'),
    /// as JSON lines; a CSV log's header names StepMetrics' columns, so it takes only those.
    /// </summary>
    public void WriteRecord(IReadOnlyList<string> columns, IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Count != values.Count)
        {
            throw new ArgumentException($"{columns.Count} columns but {values.Count} values");
        }
        if (_format == LogFormat.Csv && !columns.SequenceEqual(StepMetrics.Columns))
        {
            throw new InvalidOperationException("a CSV metrics log holds StepMetrics' columns only; write other records as JSON lines");
        }
        if (_format == LogFormat.Csv)
        {
            _writer.WriteLine(string.Join(',', values.Select(v => v is { } d ? Number(d) : "")));
        }
        else
        {
            var sb = new StringBuilder("{");
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } d)
                {
                    continue;
                }
                if (sb.Length > 1)
                {
                    sb.Append(", ");
                }
                // JSON has no NaN or Infinity; a non-finite value is written as null.
                sb.Append('"').Append(columns[i]).Append("\": ").Append(double.IsFinite(d) ? Number(d) : "null");
            }
            _writer.WriteLine(sb.Append('}').ToString());
        }
        _writer.Flush();
    }

    /// <summary>Reads every record of a metrics file back (either format, by extension), for resume, plots and reports.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double?>> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? LogFormat.Csv : LogFormat.Jsonl;
        return Parse(File.ReadAllLines(path), format);
    }

    /// <summary>
    /// Parses metrics lines: one record per line, field → value (null where a field is empty, or is
    /// not a number). A run still writing, or killed mid-write, may leave its last line incomplete:
    /// that line is dropped. Any earlier bad line is corruption and throws.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double?>> Parse(IReadOnlyList<string> lines, LogFormat format)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var content = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var result = new List<IReadOnlyDictionary<string, double?>>();
        var header = format == LogFormat.Csv && content.Count > 0 ? content[0].Split(',').Select(h => h.Trim()).ToArray() : null;
        for (var i = header is null ? 0 : 1; i < content.Count; i++)
        {
            var record = header is null ? ParseJson(content[i]) : ParseCsv(content[i], header);
            if (record is not null)
            {
                result.Add(record);
            }
            else if (i < content.Count - 1)
            {
                throw new FormatException($"metrics line {i + 1} is not a complete record: '{content[i]}'");
            }
        }
        return result;
    }

    private static Dictionary<string, double?>? ParseJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var record = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                record[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : null;
            }
            return record;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, double?>? ParseCsv(string line, string[] header)
    {
        var cells = line.Split(',');
        if (cells.Length < header.Length)
        {
            return null;
        }
        var record = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (cells[i].Length == 0)
            {
                record[header[i]] = null;
            }
            else if (double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                record[header[i]] = v;
            }
            else
            {
                return null;
            }
        }
        return record;
    }

    public void Dispose() => _writer.Dispose();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static long? StepOf(string line, LogFormat format)
    {
        if (format == LogFormat.Csv)
        {
            var first = line.Split(',')[0];
            return long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
        }
        return ParseJson(line)?.GetValueOrDefault("step") is { } step ? (long)step : null;
    }
}
