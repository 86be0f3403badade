using ArithLab.Training.Config;
using ArithLab.Training.Runs;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Sweeps;

/// <summary>
/// Every run of a sweep, in a fixed order: the grid's cross product (keys in file order, the last
/// varying fastest), times the zip's rows, times the seeds (fastest), so the seeds of one setting
/// sit together. Each run is loaded from the base experiment with the sweep's values laid over it,
/// through the experiment loader, so a bad value is an error at its own line of the sweep file.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepFile file, ExperimentConfig baseConfig, IReadOnlyList<SweepRun> runs)
    {
        File = file;
        Base = baseConfig;
        Runs = runs;
    }

    public SweepFile File { get; }

    /// <summary>The base experiment as its file says (runtime keys included).</summary>
    public ExperimentConfig Base { get; }

    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>The keys the sweep varies, in file order (grid, then zip).</summary>
    public IEnumerable<string> VariedKeys => File.Grid.Concat(File.Zip).Select(a => a.KeyPath);

    /// <summary>Loads the sweep file and every run; all problems of all runs are thrown together.</summary>
    public static SweepPlan Load(string sweepPath)
    {
        var file = SweepFile.Load(sweepPath);
        var errors = new List<ConfigError>();
        ExperimentConfig? baseConfig = null;
        try
        {
            baseConfig = ConfigLoader.Load(file.BasePath);
        }
        catch (ConfigException e)
        {
            errors.AddRange(e.Errors);
        }
        var runs = new List<SweepRun>();
        foreach (var (choice, index) in Choices(file).Select((c, i) => (c, i)))
        {
            var patches = new List<ConfigPatch> { new("name", file.Name, file.Path) };
            if (file.Eval is not null)
            {
                patches.Add(new ConfigPatch("eval", file.Eval, file.Path));
            }
            patches.AddRange(choice.Select(c => new ConfigPatch(c.KeyPath, c.Value, file.Path)));
            try
            {
                var config = ConfigLoader.LoadWithPatches(file.BasePath, patches);
                config = config with { Runtime = config.Runtime with { RunDir = file.RunDir } };
                runs.Add(Describe(file, baseConfig, config, choice, index));
            }
            catch (ConfigException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        errors.AddRange(SameRuns(file, runs));
        if (errors.Count > 0)
        {
            // The base's own problems and a bad grid value repeat in every run they touch: name each once.
            throw new ConfigException(errors.DistinctBy(e => e.ToString()).ToList());
        }
        return new SweepPlan(file, baseConfig!, runs);
    }

    /// <summary>Each run's (key, value) choices, seed included, in plan order.</summary>
    private static IEnumerable<List<(string KeyPath, YamlNode Value)>> Choices(SweepFile file)
    {
        IEnumerable<List<(string, YamlNode)>> rows = [[]];
        foreach (var axis in file.Grid)
        {
            rows = rows.SelectMany(row => axis.Values.Select(v => new List<(string, YamlNode)>(row) { (axis.KeyPath, v) })).ToList();
        }
        if (file.Zip.Count > 0)
        {
            rows = rows.SelectMany(row => Enumerable.Range(0, file.Zip[0].Values.Count)
                .Select(i => row.Concat(file.Zip.Select(z => (z.KeyPath, z.Values[i]))).ToList())).ToList();
        }
        return rows.SelectMany(row => file.Seeds.Select(seed => new List<(string, YamlNode)>(row) { ("seed", seed) }));
    }

    private static SweepRun Describe(SweepFile file, ExperimentConfig? baseConfig, ExperimentConfig config, List<(string KeyPath, YamlNode Value)> choice, int index)
    {
        var settings = choice.Where(c => c.KeyPath != "seed")
            .Select(c => KeyValuePair.Create(c.KeyPath, SweepValueText.Of(c.Value))).ToList();
        // Zip keys vary together, so the first one names the row when its values are all different.
        var zipNamed = file.Zip.Count > 0 && file.Zip[0].Values.Select(SweepValueText.Of).Distinct().Count() == file.Zip[0].Values.Count;
        // A grid key with one value is a fixed override (a paper-sized model, say): it names no run.
        var fixedKeys = file.Grid.Where(g => g.Values.Count == 1).Select(g => g.KeyPath);
        var shown = settings.Where(s => !(zipNamed && file.Zip.Skip(1).Any(z => z.KeyPath == s.Key)) && !fixedKeys.Contains(s.Key));
        var overrides = ConfigKeys.All
            .Where(k => !k.IsShorthand && k.Path != "name" && !k.Path.StartsWith("runtime.", StringComparison.Ordinal))
            .Where(k => baseConfig is null || k.ValueText(config) != k.ValueText(baseConfig))
            .Select(k => $"{k.Path}={k.ValueText(config)}")
            .Prepend($"name={config.Name}")
            .ToList();
        return new SweepRun
        {
            Index = index,
            Config = config,
            Name = RunDirectory.NameFor(config),
            Path = RunDirectory.DefaultPath(config),
            Settings = settings,
            Label = settings.Count == 0 ? "base" : string.Join(" · ", shown.Select(s => s.Value)),
            Overrides = overrides,
        };
    }

    /// <summary>Two settings that give the same experiment would share a run folder: an error at the values' key.</summary>
    private static IEnumerable<ConfigError> SameRuns(SweepFile file, List<SweepRun> runs) =>
        runs.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g =>
        {
            var (first, second) = (g.First(), g.Skip(1).First());
            var differing = first.Settings.Zip(second.Settings).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Key).FirstOrDefault() ?? "seeds";
            return new ConfigError(differing, ConfigSource.InFile(file.Path, 1, 1),
                $"runs {first.Index} ({first.Label}) and {second.Index} ({second.Label}) are the same experiment ({first.Name}); a sweep's settings must change results");
        });
}
