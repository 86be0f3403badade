using System.Text.RegularExpressions;

namespace ArithLab.Cli.Tests;

/// <summary>
/// One worked example of a docs page: the `data preview` arguments that print it and what the page
/// says they print — a prompt and target, or table rows (label → cells).
/// </summary>
internal sealed record WorkedExample(int Line, IReadOnlyList<string> Arguments, string? Prompt, string? Target, IReadOnlyList<(string Label, string[] Cells)> Rows)
{
    public string Problem => Arguments[Arguments.ToList().IndexOf("--problem") + 1];

    /// <summary>The arguments without the problem: examples that share them run in one process.</summary>
    public string Setting
    {
        get
        {
            var at = Arguments.ToList().IndexOf("--problem");
            return string.Join(' ', Arguments.Where((_, i) => i != at && i != at + 1));
        }
    }
}

/// <summary>
/// Reads the worked examples of docs/data-formats.md in the three shapes the page's introduction
/// defines (inline, code blocks, tables). Anything that looks like an example but does not parse is
/// an error, so a new or changed example cannot slip past the test.
/// </summary>
internal static partial class WorkedExamplePage
{
    public static IReadOnlyList<WorkedExample> Parse(string markdown, IReadOnlySet<string> formats)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var examples = new List<WorkedExample>();
        string? format = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                // "### reversed (Lee et al.)": the first word of a section heading, when it names a format.
                var first = line.TrimStart('#').Trim().Split(' ')[0].Trim('`');
                format = line.StartsWith("### ", StringComparison.Ordinal) && formats.Contains(first) ? first : null;
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Trim() != "```")
                {
                    i = ClosingFence(lines, i); // a ```bash or ```csharp block is code, not an example
                    continue;
                }
                throw new FormatException($"line {i + 1}: a plain code block that no '`PROBLEM`:' line introduces");
            }
            if (line.StartsWith("| token |", StringComparison.Ordinal))
            {
                examples.Add(Table(lines, ref i));
                continue;
            }
            if (line.StartsWith('|'))
            {
                continue; // the tables of tasks, formats and arrays
            }
            var text = DoubleTickSpan().Replace(line, "");
            var inline = Inline().Matches(text);
            foreach (Match m in inline)
            {
                examples.Add(new WorkedExample(i + 1, Arguments(m.Groups[1].Value, format, i), m.Groups[2].Value, m.Groups[3].Value, []));
            }
            if (Inline().Replace(text, "").Contains("` | `", StringComparison.Ordinal))
            {
                throw new FormatException($"line {i + 1} looks like an example but is not `PROBLEM`: `PROMPT` | `TARGET`: {line}");
            }
            if (BlockLabel().Match(text) is { Success: true } label)
            {
                examples.Add(Blocks(lines, ref i, Arguments(label.Groups[1].Value, format, i)));
            }
        }
        return examples;
    }

    private static List<string> Arguments(string label, string? format, int line)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var args = new List<string> { "--problem", words[0] };
        args.AddRange(words.Skip(1));
        if (!args.Contains("--format"))
        {
            args.AddRange(["--format", format ?? throw new FormatException($"line {line + 1}: example '{label}' outside a format's section names no --format")]);
        }
        return args;
    }

    // `PROBLEM`: then a bare code block (the prompt), a line "|" and a second block (the target), or the target's block alone.
    private static WorkedExample Blocks(string[] lines, ref int i, List<string> args)
    {
        var line = i + 1;
        var first = NextBlock(lines, ref i, line);
        var next = i + 1;
        while (next < lines.Length && lines[next].Trim().Length == 0)
        {
            next++;
        }
        if (next < lines.Length && lines[next].Trim() == "|")
        {
            i = next;
            var target = NextBlock(lines, ref i, line);
            return new WorkedExample(line, args, first, target, []);
        }
        return new WorkedExample(line, args, null, first, []);
    }

    private static string NextBlock(string[] lines, ref int i, int label)
    {
        var open = i + 1;
        while (open < lines.Length && lines[open].Trim().Length == 0)
        {
            open++;
        }
        if (open >= lines.Length || lines[open].Trim() != "```")
        {
            throw new FormatException($"line {label}: '`PROBLEM`:' is not followed by a plain code block");
        }
        var close = ClosingFence(lines, open);
        i = close;
        return string.Join('\n', lines[(open + 1)..close]);
    }

    private static int ClosingFence(string[] lines, int open)
    {
        for (var j = open + 1; j < lines.Length; j++)
        {
            if (lines[j].StartsWith("```", StringComparison.Ordinal))
            {
                return j;
            }
        }
        throw new FormatException($"line {open + 1}: code block never closed");
    }

    // A table of token rows, laid out by the `arithlab data preview ...` command in the paragraph above it.
    private static WorkedExample Table(string[] lines, ref int i)
    {
        var line = i + 1;
        string? command = null;
        for (var j = i - 1; j >= 0 && command is null; j--)
        {
            if (j < i - 1 && lines[j].Trim().Length == 0)
            {
                break;
            }
            command = Command().Matches(lines[j]).LastOrDefault()?.Groups[1].Value;
        }
        if (command is null)
        {
            throw new FormatException($"line {line}: a token table without the `arithlab data preview --problem ...` command that prints it just above");
        }
        var rows = new List<(string, string[])>();
        for (; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var cells = CellSplit().Split(lines[i].Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|")).ToArray();
            if (cells.All(c => c.All(ch => ch == '-')))
            {
                continue;
            }
            rows.Add((cells[0], cells[1..]));
        }
        return new WorkedExample(line, command.Split(' ', StringSplitOptions.RemoveEmptyEntries), null, null, rows);
    }

    // `ARGS`: `PROMPT` | `TARGET`
    [GeneratedRegex(@"`([^`]+)`: `([^`]*)` \| `([^`]*)`")]
    private static partial Regex Inline();

    // A line ending in `ARGS`: with a problem (it starts with a digit) — the label of a block example.
    [GeneratedRegex(@"`(\d[^`]*)`:\s*$")]
    private static partial Regex BlockLabel();

    [GeneratedRegex(@"`arithlab data preview (--problem [^`]+)`")]
    private static partial Regex Command();

    // ``...`` spans show the syntax of an example without being one.
    [GeneratedRegex(@"``.*?``")]
    private static partial Regex DoubleTickSpan();

    // Cell borders: a '|' not escaped as '\|'.
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();
}
