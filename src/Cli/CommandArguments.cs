namespace ArithLab.Cli;

/// <summary>
/// Parsed arguments of one command: positionals, `--name value` / `--name=value` options and
/// `--flag` switches. Every option a command reads is declared through it, so an unknown
/// option is an error that names the closest known one.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CommandArguments(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                Positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                Positionals.Add(a);
                continue;
            }
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            string name, value;
            if (eq > 0)
            {
                name = a[2..eq];
                value = a[(eq + 1)..];
            }
            else if (flags.Contains(a[2..]))
            {
                name = a[2..];
                value = "true";
            }
            else
            {
                name = a[2..];
                if (i + 1 >= args.Count)
                {
                    throw new CommandLineException($"option --{name} needs a value");
                }
                value = args[++i];
            }
            if (!_options.TryGetValue(name, out var list))
            {
                _options[name] = list = new List<string>();
            }
            list.Add(value);
        }
    }

    public List<string> Positionals { get; } = new();

    public bool Help => Flag("help");

    public bool Flag(string name)
    {
        var v = Option(name);
        return v is not null && v != "false";
    }

    /// <summary>The last value given for the option, or null.</summary>
    public string? Option(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var list) ? list[^1] : null;
    }

    /// <summary>Every value given for a repeatable option (like --set).</summary>
    public IReadOnlyList<string> Options(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var list) ? list : Array.Empty<string>();
    }

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var v = Option(name);
        if (v is null)
        {
            return fallback;
        }
        if (!int.TryParse(v, out var n) || n < min || n > max)
        {
            throw new CommandLineException($"--{name} must be an integer in [{min}, {max}], got '{v}'");
        }
        return n;
    }

    /// <summary>Fails on options no one read, naming the closest read one. Call after reading all options.</summary>
    public void RejectUnknown()
    {
        foreach (var name in _options.Keys.Where(n => !_read.Contains(n)))
        {
            var closest = ClosestName.Find(name, _read);
            throw new CommandLineException($"unknown option --{name}" + (closest is null ? "" : $"; did you mean --{closest}?"));
        }
    }
}
