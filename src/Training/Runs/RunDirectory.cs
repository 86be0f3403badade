using System.Globalization;
using ArithLab.Training.Checkpoints;
using ArithLab.Training.Config;

namespace ArithLab.Training.Runs;

/// <summary>
/// One run's folder, <c>{runtime.run_dir}/{name}-{science hash}-s{seed}/</c>:
/// <code>
/// config.resolved.yaml   every key with its value (ConfigWriter)
/// seed                   the run seed, one line
/// version                code version (git describe, else the assembly's) and libtorch version
/// metrics.jsonl|csv      one line per logged step (runtime.log_format)
/// checkpoints/           step-000100/{model,optimizer}.safetensors + state.json; latest
/// eval/                  evaluation results (held_out.json from training; the grid from `arithlab eval`)
/// plots/                 charts
/// </code>
/// </summary>
public sealed class RunDirectory
{
    public const string ConfigFileName = "config.resolved.yaml";
    public const string SeedFileName = "seed";
    public const string VersionFileName = "version";

    private RunDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string ConfigPath => Combine(ConfigFileName);

    public string SeedPath => Combine(SeedFileName);

    public string VersionPath => Combine(VersionFileName);

    public string CheckpointsPath => Combine("checkpoints");

    public string EvalPath => Combine("eval");

    public string PlotsPath => Combine("plots");

    /// <summary>The metrics file of the given format (metrics.jsonl or metrics.csv).</summary>
    public string MetricsPath(LogFormat format) => Combine(format == LogFormat.Csv ? "metrics.csv" : "metrics.jsonl");

    /// <summary>The checkpoints of this run.</summary>
    public CheckpointStore Checkpoints => new(CheckpointsPath);

    /// <summary>The folder name of a run: name, the first 12 hex digits of the science hash, and the seed.</summary>
    public static string NameFor(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return $"{config.Name}-{ConfigHash.Short(config)}-s{config.Seed.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Where the run of this config lives by default: under runtime.run_dir.</summary>
    public static string DefaultPath(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return System.IO.Path.Combine(config.Runtime.RunDir, NameFor(config));
    }

    /// <summary>
    /// Creates (or reuses an empty) run folder and writes the resolved config, the seed and the code
    /// version. A folder that already holds checkpoints is refused: resume it or remove it.
    /// </summary>
    public static RunDirectory Create(ExperimentConfig config, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Create(path ?? DefaultPath(config), config.Seed, file => ConfigWriter.Save(config, file));
    }

    /// <summary>
    /// The same for a run whose config is not an experiment YAML (an arithmetic-unit run):
    /// <paramref name="saveConfig"/> writes config.resolved.yaml to the path it is given.
    /// </summary>
    public static RunDirectory Create(string path, int seed, Action<string> saveConfig)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(saveConfig);
        var run = new RunDirectory(path);
        if (run.Checkpoints.Latest() is { } existing)
        {
            throw new InvalidOperationException(
                $"{run.Path} already holds a run (checkpoint at step {existing.Step}); resume it with --resume, or remove the folder to start over");
        }
        Directory.CreateDirectory(run.Path);
        Directory.CreateDirectory(run.CheckpointsPath);
        Directory.CreateDirectory(run.EvalPath);
        Directory.CreateDirectory(run.PlotsPath);
        saveConfig(run.ConfigPath);
        AtomicFile.WriteAllText(run.SeedPath, seed.ToString(CultureInfo.InvariantCulture) + "\n");
        AtomicFile.WriteAllText(run.VersionPath, CodeVersion.Describe() + "\n");
        foreach (var format in new[] { LogFormat.Jsonl, LogFormat.Csv })
        {
            File.Delete(run.MetricsPath(format));
        }
        return run;
    }

    /// <summary>Opens an existing run folder (one holding config.resolved.yaml).</summary>
    public static RunDirectory Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var run = new RunDirectory(path);
        if (!File.Exists(run.ConfigPath))
        {
            throw new DirectoryNotFoundException($"{run.Path} is not a run directory: it has no {ConfigFileName}");
        }
        return run;
    }

    /// <summary>The config the run was trained with, as saved in config.resolved.yaml.</summary>
    public ExperimentConfig LoadConfig() => ConfigLoader.Load(ConfigPath);

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
