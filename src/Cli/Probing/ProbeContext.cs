using System.Globalization;
using System.Text;
using System.Text.Json;
using ArithLab.Models;
using ArithLab.Plots;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Setup;

namespace ArithLab.Cli.Probing;

/// <summary>
/// What every probe needs: the run's model (a plain transformer with hook points), its data, the
/// options given, and the folder <c>probes/&lt;name&gt;/</c> its numbers and figures go to.
/// </summary>
internal sealed class ProbeContext(TrainedModel trained, Transformer model, string folder, ProbeOptions options)
{
    public TrainedModel Trained => trained;

    public Transformer Model => model;

    public ExperimentData Data => trained.Data;

    public ProbeOptions Options => options;

    public string Folder => folder;

    /// <summary>A hook name checked against the model: unknown names get the closest one and the full list.</summary>
    public static string CheckHook(Transformer model, string name)
    {
        if (model.Hooks.Names.Contains(name))
        {
            return name;
        }
        var closest = ClosestName.Find(name, model.Hooks.Names);
        throw new CommandLineException($"no hook point '{name}'" + (closest is null ? "" : $"; did you mean '{closest}'?")
            + $"\nhook points of this model: {string.Join(", ", model.Hooks.Names)}");
    }

    /// <summary>A progress line on stderr (stdout keeps the list of files written).</summary>
    public static void Progress(string text) => Console.Error.WriteLine(text);

    public string Write(string file, string content)
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteJson(object summary) =>
        Write(Training.Reports.ProbeSection.SummaryFileName, JsonSerializer.Serialize(summary, s_json) + "\n");

    /// <summary>A CSV with a header row; numbers in invariant culture.</summary>
    public string WriteCsv(string file, IReadOnlyList<string> header, IEnumerable<IEnumerable<object>> rows)
    {
        var sb = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\n');
        }
        return Write(file, sb.ToString());
    }

    public string Save(Heatmap chart, string file) => SaveWith(chart.SaveAs, file);

    public string Save(BarChart chart, string file) => SaveWith(chart.SaveAs, file);

    public string Save(LineChart chart, string file) => SaveWith(chart.SaveAs, file);

    private string SaveWith(Action<string> save, string file)
    {
        var path = Path.Combine(folder, file);
        save(path);
        return path;
    }

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
