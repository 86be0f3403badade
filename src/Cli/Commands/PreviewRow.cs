using System.Globalization;
using System.Text;
using System.Text.Json;
using ArithLab.Data;
using ArithLab.Data.Batching;

namespace ArithLab.Cli.Commands;

/// <summary>
/// One previewed problem: the prompt and target strings, and the batch row the trainer would see
/// (tokens, ids, position ids, next tokens, loss mask; FoNE values and digit classes).
/// </summary>
internal sealed class PreviewRow
{
    private readonly string _problem;
    private readonly FormattedExample _example;
    private readonly string[] _tokens;
    private readonly int[] _ids;
    private readonly int[] _positions;
    private readonly string[] _next;
    private readonly int[] _loss;
    private readonly double[]? _values;
    private readonly int[][]? _digits;
    private readonly int[][]? _targetDigits;

    public PreviewRow(string problem, FormattedExample example, Batch batch, Vocabulary vocabulary)
    {
        _problem = problem;
        _example = example;
        var n = batch.Lengths[0];
        _ids = batch.Row(batch.TokenIds, 0)[..n].ToArray();
        _tokens = _ids.Select(vocabulary.Token).ToArray();
        _positions = batch.Row(batch.PositionIds, 0)[..n].ToArray();
        _next = batch.Row(batch.Targets, 0)[..n].ToArray().Select(vocabulary.Token).ToArray();
        _loss = batch.Row(batch.LossMask, 0)[..n].ToArray().Select(m => (int)m).ToArray();
        if (batch.NumberValues is { } values)
        {
            _values = batch.Row(values, 0)[..n].ToArray();
            _digits = DigitColumns(batch, batch.NumberDigits!, n);
            _targetDigits = DigitColumns(batch, batch.TargetDigits!, n);
        }
    }

    public string Prompt => string.Concat(_example.Prompt.Select(t => t.Text));

    public string Target => string.Concat(_example.Target.Select(t => t.Text));

    public Dictionary<string, object> ToJson()
    {
        var row = new Dictionary<string, object>
        {
            ["problem"] = _problem,
            ["prompt"] = Prompt,
            ["target"] = Target,
            ["text"] = _example.Text,
            ["tokens"] = _tokens,
            ["ids"] = _ids,
            ["positions"] = _positions,
            ["next_tokens"] = _next,
            ["loss_mask"] = _loss,
        };
        if (_values is not null)
        {
            row["values"] = _values;
            row["digits"] = _digits!;
            row["target_digits"] = _targetDigits!;
        }
        return row;
    }

    /// <summary>Aligned columns, one per token; prompt and target quoted so spaces and newlines show.</summary>
    public string ToTable(int index, string setting)
    {
        var rows = new List<(string Label, string[] Cells)>
        {
            ("token", _tokens.Select(Visible).ToArray()),
            ("id", Texts(_ids)),
            ("position", Texts(_positions)),
            ("next", _next.Select(Visible).ToArray()),
            ("loss", Texts(_loss)),
        };
        if (_values is not null)
        {
            rows.Add(("value", _values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()));
            rows.Add(("digits", _digits!.Select(DigitCell).ToArray()));
            rows.Add(("target digits", _targetDigits!.Select(DigitCell).ToArray()));
        }
        var widths = Enumerable.Range(0, _tokens.Length).Select(i => rows.Max(r => r.Cells[i].Length)).ToArray();
        var labelWidth = rows.Max(r => r.Label.Length);
        var sb = new StringBuilder();
        sb.AppendLine($"#{index}  {_problem}  ({setting})");
        sb.AppendLine($"  {"prompt".PadRight(labelWidth)}  {JsonSerializer.Serialize(Prompt, DataPreviewProblem.JsonOptions)}");
        sb.AppendLine($"  {"target".PadRight(labelWidth)}  {JsonSerializer.Serialize(Target, DataPreviewProblem.JsonOptions)}");
        foreach (var (label, cells) in rows)
        {
            sb.Append("  ").Append(label.PadRight(labelWidth)).Append(' ');
            sb.AppendJoin("", cells.Select((c, i) => " " + c.PadLeft(widths[i])));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>FoNE digit classes of one column, least significant first, as docs/data-formats.md writes them ("-" for none).</summary>
    private static string DigitCell(int[] digits) => digits.Length == 0 ? "-" : string.Concat(digits);

    private static int[][] DigitColumns(Batch batch, int[] array, int n)
    {
        // (B, W, D) with B = 1: column i's classes start at i · D.
        var d = batch.FoneDigits;
        return Enumerable.Range(0, n).Select(i => array.AsSpan(i * d, d).ToArray()).Select(c => c.All(x => x < 0) ? [] : c).ToArray();
    }

    private static string[] Texts(IEnumerable<int> values) => values.Select(v => v.ToString()).ToArray();

    // A space or a newline token would vanish or break the line in a table.
    private static string Visible(string token) => token switch
    {
        " " => "␣",
        "\n" => "\\n",
        _ => token,
    };
}
