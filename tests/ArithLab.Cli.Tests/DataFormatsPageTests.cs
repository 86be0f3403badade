using System.Globalization;
using System.Text.Json;
using ArithLab.Data;
using ArithLab.Tests;

namespace ArithLab.Cli.Tests;

/// <summary>
/// Every worked example of docs/data-formats.md against what `arithlab data preview --problem`
/// prints, character for character. The examples are read from the page itself, so a new or
/// changed example is checked without touching this test.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class DataFormatsPageTests : CliTestFolder
{
    private static readonly HashSet<string> Formats = [.. FormatRegistry.Names, "fone"];

    [Fact]
    public void EveryWorkedExampleIsWhatDataPreviewPrints()
    {
        var examples = WorkedExamplePage.Parse(RepositoryFiles.Read("docs/data-formats.md"), Formats);

        var mismatches = new List<string>();
        foreach (var group in examples.GroupBy(e => e.Setting))
        {
            // One process per setting (format, positions, options), every problem of that setting in it.
            var args = new List<string> { "data", "preview", "--json" };
            args.AddRange(group.SelectMany(e => new[] { "--problem", e.Problem }));
            args.AddRange(group.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var result = Arithlab.Run(Folder, [.. args]);
            Assert.True(result.ExitCode == 0, $"arithlab {string.Join(' ', args)}: {result.Stderr}");
            var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(group.Count(), rows.Length);
            foreach (var (example, row) in group.Zip(rows))
            {
                mismatches.AddRange(Compare(example, row));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void ThePageHoldsExamplesInAllThreeShapes()
    {
        var examples = WorkedExamplePage.Parse(RepositoryFiles.Read("docs/data-formats.md"), Formats);

        Assert.Contains(examples, e => e.Prompt is not null && e.Rows.Count == 0 && !e.Prompt.Contains('\n'));
        Assert.Contains(examples, e => e.Target is not null && e.Target.Contains('\n'));
        Assert.Contains(examples, e => e.Rows.Count > 0);
        // Every format of the formats table has at least one worked example.
        Assert.All(Formats, f => Assert.Contains(examples, e => FormatOf(e) == f));
    }

    [Fact]
    public void AnExampleThatDoesNotParseIsAnError()
    {
        var page = "### plain\n\n- 123+45 `123+45=` | `168`\n";

        var e = Assert.Throws<FormatException>(() => WorkedExamplePage.Parse(page, Formats));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongExampleIsReported()
    {
        var page = "### reversed\n\n- `123+45`: `$123+45=` | `168$`\n";
        var example = Assert.Single(WorkedExamplePage.Parse(page, Formats));

        var result = Arithlab.Run(Folder, "data", "preview", "--json", "--problem", example.Problem, "--format", "reversed");

        var row = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["line 3, 123+45 --format reversed: target is \"861$\", the page says \"168$\""], Compare(example, row));
    }

    private static IEnumerable<string> Compare(WorkedExample example, JsonElement row)
    {
        var where = $"line {example.Line}, {example.Problem} {example.Setting}";
        if (example.Prompt is not null && row.GetProperty("prompt").GetString() != example.Prompt)
        {
            yield return $"{where}: prompt is {Quoted(row.GetProperty("prompt").GetString())}, the page says {Quoted(example.Prompt)}";
        }
        if (example.Target is not null && row.GetProperty("target").GetString() != example.Target)
        {
            yield return $"{where}: target is {Quoted(row.GetProperty("target").GetString())}, the page says {Quoted(example.Target)}";
        }
        foreach (var (label, cells) in example.Rows)
        {
            var printed = Cells(row, label);
            if (printed is null)
            {
                yield return $"{where}: the table row '{label}' is not one data preview prints";
            }
            else if (!printed.SequenceEqual(cells))
            {
                yield return $"{where}: row '{label}' is [{string.Join(' ', printed)}], the page says [{string.Join(' ', cells)}]";
            }
        }
    }

    // A table row's cells as the JSON output spells them.
    private static string[]? Cells(JsonElement row, string label)
    {
        var key = label switch
        {
            "token" => "tokens",
            "id" => "ids",
            "position" => "positions",
            "next" => "next_tokens",
            "loss" => "loss_mask",
            "value" => "values",
            "digits" => "digits",
            "target digits" => "target_digits",
            _ => null,
        };
        if (key is null || !row.TryGetProperty(key, out var values))
        {
            return null;
        }
        return values.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            // The page's digits cell: digit 0 first, run together; "-" where a column has none.
            JsonValueKind.Array => v.GetArrayLength() == 0 ? "-" : string.Concat(v.EnumerateArray().Select(d => d.GetInt32())),
            _ => v.GetDouble().ToString(CultureInfo.InvariantCulture),
        }).ToArray();
    }

    private static string FormatOf(WorkedExample e) => e.Arguments[e.Arguments.ToList().IndexOf("--format") + 1];

    private static string Quoted(string? s) => JsonSerializer.Serialize(s);
}
