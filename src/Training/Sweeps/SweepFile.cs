using System.Globalization;
using ArithLab.Training.Config;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// A sweep file, read strictly: a base experiment, `grid:` keys crossed with each other, `zip:` keys
/// that vary together, `seeds:`, an `eval:` section shared by every run, and `slurm:` requests.
/// Problems are <see cref="ConfigError"/>s naming file, line and key, like an experiment's; the
/// values themselves are checked when <see cref="SweepPlan"/> loads each run.
/// <code>
/// name: positions
/// base: ../lee2023-reversed.yaml
/// grid: {train.lr: [1e-3, 3e-3]}
/// zip:  {model.positional: [[rope], [abacus]], data.positions: [none, abacus]}
/// seeds: [0, 1, 2]
/// eval: {grid: {a: {min: 1, max: 24}, b: {min: 1, max: 24}}}
/// </code>
/// </summary>
public sealed record SweepFile
{
    private static readonly string[] TopKeys = ["name", "description", "base", "run_dir", "grid", "zip", "seeds", "eval", "slurm"];
    private static readonly string[] SlurmKeys = ["partition", "time", "gres", "cpus_per_task", "max_parallel", "requeue", "extra"];

    /// <summary>The file as given, for messages.</summary>
    public required string Path { get; init; }

    /// <summary>The sweep's name: every run's `name`, so run folders read {name}-{hash}-s{seed}.</summary>
    public required YamlScalarNode Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The base experiment, resolved against the sweep file's folder.</summary>
    public required string BasePath { get; init; }

    /// <summary>Where the runs and the sweep's own files (sweep/) go; default runs/sweeps/{name}.</summary>
    public required string RunDir { get; init; }

    public IReadOnlyList<SweepAxis> Grid { get; init; } = [];

    public IReadOnlyList<SweepAxis> Zip { get; init; } = [];

    public required IReadOnlyList<YamlNode> Seeds { get; init; }

    /// <summary>The shared `eval:` section, laid over the base's; null keeps the base's.</summary>
    public YamlMappingNode? Eval { get; init; }

    public SlurmOptions Slurm { get; init; } = new();

    /// <summary>How many settings of the varied keys (the grid's product times the zip's length).</summary>
    public int ConfigCount => Grid.Aggregate(1, (n, axis) => n * axis.Values.Count) * (Zip.Count == 0 ? 1 : Zip[0].Values.Count);

    /// <summary>The folder of the sweep's own files: results, figures, report, logs, job scripts.</summary>
    public string SweepFolder => System.IO.Path.Combine(RunDir, "sweep");

    public static SweepFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var errors = new List<ConfigError>();
        ConfigSource At(YamlNode node) => ConfigSource.InFile(path, (int)node.Start.Line, (int)node.Start.Column);
        void Fail(string key, YamlNode node, string problem, string? suggestion = null, bool unknown = false) =>
            errors.Add(new ConfigError(key, At(node), problem, suggestion) { IsUnknownKey = unknown });

        var root = ReadRoot(path);
        YamlScalarNode? name = null, basePath = null, runDir = null, description = null;
        var grid = new List<SweepAxis>();
        var zip = new List<SweepAxis>();
        IReadOnlyList<YamlNode>? seeds = null;
        YamlMappingNode? eval = null;
        var slurm = new SlurmOptions();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "name": name = Scalar(key, value); break;
                case "description": description = Scalar(key, value); break;
                case "base": basePath = Scalar(key, value); break;
                case "run_dir": runDir = Scalar(key, value); break;
                case "grid": grid = Axes(key, value); break;
                case "zip": zip = Axes(key, value); break;
                case "seeds": seeds = Sequence(key, value); break;
                case "eval":
                    eval = value as YamlMappingNode;
                    if (eval is null) Fail(key, value, "expected a mapping laid over the base's eval section (grid, per_cell, beyond, ...)");
                    break;
                case "slurm": slurm = ReadSlurm(value); break;
                default:
                    Fail(key, keyNode, "unknown key", ClosestName.Find(key, TopKeys) ?? (ConfigKeys.Find(key) is null ? null : $"grid: {{{key}: [...]}}"), unknown: true);
                    break;
            }
        }
        if (basePath is null) errors.Add(new ConfigError("base", ConfigSource.InFile(path, 1, 1), "missing required key: the base experiment YAML"));
        if (seeds is null) errors.Add(new ConfigError("seeds", ConfigSource.InFile(path, 1, 1), "missing required key: a list of seeds, e.g. [0, 1, 2]"));
        CheckAxes(grid, zip);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        name ??= new YamlScalarNode(System.IO.Path.GetFileNameWithoutExtension(path));
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return new SweepFile
        {
            Path = path,
            Name = name,
            Description = description?.Value ?? "",
            BasePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, basePath!.Value!)),
            RunDir = runDir?.Value ?? System.IO.Path.Combine("runs", "sweeps", name.Value ?? "sweep"),
            Grid = grid,
            Zip = zip,
            Seeds = seeds!,
            Eval = eval,
            Slurm = slurm,
        };

        YamlScalarNode? Scalar(string key, YamlNode node)
        {
            if (node is YamlScalarNode { Value.Length: > 0 } scalar)
            {
                return scalar;
            }
            Fail(key, node, "expected a non-empty text");
            return null;
        }

        IReadOnlyList<YamlNode>? Sequence(string key, YamlNode node)
        {
            if (node is YamlSequenceNode { Children.Count: > 0 } sequence)
            {
                return sequence.Children.ToList();
            }
            Fail(key, node, "expected a non-empty list, e.g. [a, b]");
            return null;
        }

        List<SweepAxis> Axes(string section, YamlNode node)
        {
            var axes = new List<SweepAxis>();
            if (node is not YamlMappingNode mapping)
            {
                Fail(section, node, "expected a mapping of experiment keys to lists of values, e.g. {train.lr: [1e-3, 3e-3]}");
                return axes;
            }
            foreach (var (keyNode, value) in mapping.Children)
            {
                var keyPath = ((YamlScalarNode)keyNode).Value ?? "";
                var where = $"{section}.{keyPath}";
                if (keyPath is "seed" or "name")
                {
                    Fail(where, keyNode, $"'{keyPath}' is set by the sweep's own '{keyPath}{(keyPath == "seed" ? "s" : "")}:' key");
                }
                else if (keyPath.StartsWith("runtime.", StringComparison.Ordinal) || keyPath == "runtime")
                {
                    Fail(where, keyNode, "runtime keys never change results, so runs differing only there would share a run folder; set them in the base experiment or with `sweep run` flags");
                }
                else if (ConfigKeys.Find(keyPath) is null && !ConfigKeys.IsGroup(keyPath))
                {
                    Fail(where, keyNode, "unknown experiment key", ClosestName.Find(keyPath, ConfigKeys.All.Select(k => k.Path)), unknown: true);
                }
                else if (Sequence(where, value) is { } values)
                {
                    axes.Add(new SweepAxis(keyPath, values));
                }
            }
            return axes;
        }

        void CheckAxes(List<SweepAxis> gridAxes, List<SweepAxis> zipAxes)
        {
            foreach (var axis in zipAxes.Where(z => z.Values.Count != zipAxes[0].Values.Count))
            {
                Fail($"zip.{axis.KeyPath}", axis.Values[0], $"zip keys vary together, so each needs as many values as the first ('{zipAxes[0].KeyPath}': {zipAxes[0].Values.Count}); this one has {axis.Values.Count}");
            }
            foreach (var axis in zipAxes.Where(z => gridAxes.Any(g => g.KeyPath == z.KeyPath)))
            {
                Fail($"zip.{axis.KeyPath}", axis.Values[0], "the key is in both grid and zip; put it in one");
            }
        }

        SlurmOptions ReadSlurm(YamlNode node)
        {
            var options = new SlurmOptions();
            if (node is not YamlMappingNode mapping)
            {
                Fail("slurm", node, $"expected a mapping with keys {string.Join(", ", SlurmKeys)}");
                return options;
            }
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                var where = "slurm." + key;
                switch (key)
                {
                    case "partition": options = options with { Partition = Scalar(where, value)?.Value }; break;
                    case "time": options = options with { Time = Scalar(where, value)?.Value }; break;
                    case "gres": options = options with { Gres = Scalar(where, value)?.Value }; break;
                    case "cpus_per_task": options = options with { CpusPerTask = PositiveInt(where, value) }; break;
                    case "max_parallel": options = options with { MaxParallel = PositiveInt(where, value) }; break;
                    case "requeue":
                        if (value is YamlScalarNode { Value: "true" or "false" } flag) options = options with { Requeue = flag.Value == "true" };
                        else Fail(where, value, "expected true or false");
                        break;
                    case "extra":
                        var lines = Sequence(where, value)?.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
                        if (lines is not null) options = options with { Extra = lines };
                        break;
                    default:
                        Fail(where, keyNode, "unknown key", ClosestName.Find(key, SlurmKeys), unknown: true);
                        break;
                }
            }
            return options;
        }

        int? PositiveInt(string key, YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }
            Fail(key, node, $"expected a positive integer, got '{(node as YamlScalarNode)?.Value}'");
            return null;
        }
    }

    private static YamlMappingNode ReadRoot(string path)
    {
        var errors = new List<ConfigError>();
        var root = ConfigLoader.ReadDocument(ConfigLoader.ReadText(path), path, errors);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
        if (root is null)
        {
            throw new ConfigException([new ConfigError("", ConfigSource.InFile(path, 1, 1), "the sweep file is empty; it needs base and seeds")]);
        }
        if (root.Children.Keys.FirstOrDefault(k => k is not YamlScalarNode) is { } bad)
        {
            throw new ConfigException([new ConfigError("", ConfigSource.InFile(path, (int)bad.Start.Line, (int)bad.Start.Column), "keys must be plain names")]);
        }
        return root;
    }
}
