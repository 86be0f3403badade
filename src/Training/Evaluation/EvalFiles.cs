using System.Globalization;
using System.Text;
using System.Text.Json;
using ArithLab.Plots;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Writes an evaluation into a folder (a run's <c>eval/</c>): <c>grid.csv</c>, <c>carries.csv</c>,
/// <c>beyond.csv</c>, <c>mistakes.csv</c>, <c>summary.json</c>, <c>heatmap.png</c> and <c>heatmap.svg</c>. Each file is written to a
/// temporary name and renamed, so a reader never sees half of one.
/// </summary>
public static class EvalFiles
{
    public const string GridCsv = "grid.csv";
    public const string CarriesCsv = "carries.csv";
    public const string BeyondCsv = "beyond.csv";
    public const string MistakesCsv = "mistakes.csv";
    public const string SummaryJson = "summary.json";
    public const string HeatmapSvg = "heatmap.svg";
    public const string HeatmapPng = "heatmap.png";

    public const string CellHeader = "a_len,b_len,n,correct,accuracy";
    public const string CarriesHeader = "carries,n,correct,accuracy";
    public const string MistakesHeader = "set,a_len,b_len,operands,expected,read,first_wrong_place,failure,output";

    public static void Write(EvalResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        WriteAtomic(Path.Combine(folder, GridCsv), CellsCsv(result.Grid));
        WriteAtomic(Path.Combine(folder, BeyondCsv), CellsCsv(result.Beyond));
        WriteAtomic(Path.Combine(folder, CarriesCsv), CarriesText(result.Carries));
        WriteAtomic(Path.Combine(folder, MistakesCsv), MistakesText(result.Mistakes));
        WriteAtomic(Path.Combine(folder, SummaryJson), SummaryText(result));
        var heatmap = GridHeatmap.Build(result);
        heatmap.SaveAs(Path.Combine(folder, HeatmapPng));
        heatmap.SaveAs(Path.Combine(folder, HeatmapSvg));
    }

    public static string CellsCsv(IEnumerable<CellResult> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sb = new StringBuilder(CellHeader).Append('\n');
        foreach (var c in cells)
        {
            sb.Append(Inv(c.LengthA)).Append(',').Append(Inv(c.LengthB)).Append(',').Append(Inv(c.N)).Append(',')
              .Append(Inv(c.Correct)).Append(',').Append(Fraction(c.Accuracy)).Append('\n');
        }
        return sb.ToString();
    }

    public static string CarriesText(IEnumerable<CarryResult> carries)
    {
        ArgumentNullException.ThrowIfNull(carries);
        var sb = new StringBuilder(CarriesHeader).Append('\n');
        foreach (var c in carries)
        {
            sb.Append(Inv(c.Carries)).Append(',').Append(Inv(c.N)).Append(',').Append(Inv(c.Correct)).Append(',')
              .Append(Fraction(c.Accuracy)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// One row per kept wrong answer: numbers as decimal text (several joined by spaces), the
    /// reader's value empty when it could not read one, the failure and the raw output quoted.
    /// </summary>
    public static string MistakesText(IEnumerable<Mistake> mistakes)
    {
        ArgumentNullException.ThrowIfNull(mistakes);
        var sb = new StringBuilder(MistakesHeader).Append('\n');
        foreach (var m in mistakes)
        {
            var p = m.Problem;
            sb.Append(m.Beyond ? "beyond" : "grid").Append(',')
              .Append(Inv(m.LengthA)).Append(',').Append(Inv(m.LengthB)).Append(',')
              .Append(Numbers(p.Operands)).Append(',').Append(Numbers(p.Answer)).Append(',')
              .Append(m.Read is { } read ? Numbers(read) : "").Append(',')
              .Append(m.FirstWrongPlace is { } place ? Inv(place) : "").Append(',')
              .Append(Quoted(m.Failure)).Append(',').Append(Quoted(m.Output)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Numbers(IEnumerable<System.Numerics.BigInteger> values) =>
        string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    // RFC 4180: a field in double quotes, its own quotes doubled, so commas and newlines stay in it.
    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string SummaryText(EvalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var summary = result.Summary();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("task", result.Task);
            w.WriteString("format", result.Format);
            if (s.Recurrences is { } r)
            {
                w.WriteNumber("recurrences", r);
            }
            else
            {
                w.WriteNull("recurrences");
            }
            w.WriteStartObject("grid");
            Range(w, "a", s.GridA.Min, s.GridA.Max);
            Range(w, "b", s.GridB.Min, s.GridB.Max);
            w.WriteEndObject();
            w.WriteStartObject("train");
            Range(w, "a", s.TrainA.Min, s.TrainA.Max);
            Range(w, "b", s.TrainB.Min, s.TrainB.Max);
            w.WriteEndObject();
            w.WriteNumber("per_cell", s.PerCell);
            if (s.AbacusOffset != 0)
            {
                w.WriteNumber("abacus_offset", s.AbacusOffset); // absent at 0, as summaries written before it
            }
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("test_fraction", s.Split.TestFraction);
            Tally(w, "in_distribution", summary.InDistributionN, summary.InDistributionCorrect);
            Tally(w, "out_of_distribution", summary.OutOfDistributionN, summary.OutOfDistributionCorrect);
            Cell(w, "best_cell", summary.Best);
            Cell(w, "worst_cell", summary.Worst);
            w.WriteStartArray("beyond");
            foreach (var c in result.Beyond)
            {
                w.WriteStartObject();
                w.WriteNumber("length", c.LengthA);
                w.WriteNumber("n", c.N);
                w.WriteNumber("correct", c.Correct);
                Number(w, "accuracy", c.Accuracy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (result.CarriesNote is { } note)
            {
                w.WriteString("carries_note", note);
            }
            w.WriteNumber("malformed", summary.MalformedTotal);
            w.WriteStartObject("failures");
            foreach (var (reason, count) in result.Failures)
            {
                w.WriteNumber(reason, count);
            }
            w.WriteEndObject();
            w.WriteStartObject("first_wrong_place");
            foreach (var (place, count) in result.FirstWrongPlaces)
            {
                w.WriteNumber(Inv(place), count);
            }
            w.WriteEndObject();
            w.WriteNumber("elapsed_seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Range(Utf8JsonWriter w, string name, int min, int max)
    {
        w.WriteStartObject(name);
        w.WriteNumber("min", min);
        w.WriteNumber("max", max);
        w.WriteEndObject();
    }

    private static void Tally(Utf8JsonWriter w, string name, int n, int correct)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n", n);
        w.WriteNumber("correct", correct);
        Number(w, "accuracy", n == 0 ? double.NaN : (double)correct / n);
        w.WriteEndObject();
    }

    private static void Cell(Utf8JsonWriter w, string name, CellResult? c)
    {
        if (c is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("a_len", c.LengthA);
        w.WriteNumber("b_len", c.LengthB);
        w.WriteNumber("n", c.N);
        w.WriteNumber("correct", c.Correct);
        Number(w, "accuracy", c.Accuracy);
        w.WriteEndObject();
    }

    // JSON has no NaN: an empty set's accuracy is null.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Shortest round-trip text; an empty set's accuracy is an empty field.
    private static string Fraction(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    internal static void WriteAtomic(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
