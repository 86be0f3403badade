using System.Globalization;
using System.Text.RegularExpressions;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// The files of a run directory that evaluation and reports read: the resolved config, the
/// checkpoint to evaluate, the metrics log, and the eval folder. Given a checkpoint file instead,
/// the run directory is its folder (or the folder above <c>checkpoints/</c>).
/// </summary>
public sealed partial record RunFiles(string RunDirectory, string ConfigPath, string? CheckpointPath)
{
    /// <summary>Names a resolved config may have, in order of preference.</summary>
    public static IReadOnlyList<string> ConfigNames { get; } = ["config.resolved.yaml", "config.yaml"];

    public const string CheckpointFolder = "checkpoints";

    public const string EvalFolder = "eval";

    public string EvalDirectory => Path.Combine(RunDirectory, EvalFolder);

    /// <summary>Finds the run's files; throws <see cref="RunDirectoryException"/> saying what is missing.</summary>
    /// <param name="path">A run directory or a checkpoint (.safetensors) inside one.</param>
    /// <param name="needCheckpoint">Whether a run without a checkpoint is an error (evaluation) or not (plots).</param>
    public static RunFiles Find(string path, bool needCheckpoint = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string runDirectory;
        string? checkpoint = null;
        if (File.Exists(path))
        {
            if (!path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
            {
                throw new RunDirectoryException($"'{path}' is a file but not a checkpoint (.safetensors); give a run directory or a checkpoint");
            }
            checkpoint = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(checkpoint)!;
            runDirectory = Path.GetFileName(folder) == CheckpointFolder ? Path.GetDirectoryName(folder)! : folder;
        }
        else if (Directory.Exists(path))
        {
            runDirectory = Path.GetFullPath(path);
        }
        else
        {
            throw new RunDirectoryException($"no run directory or checkpoint at '{path}'");
        }

        var config = ConfigNames.Select(n => Path.Combine(runDirectory, n)).FirstOrDefault(File.Exists)
            ?? throw new RunDirectoryException($"'{runDirectory}' is not a run directory: it has no {string.Join(" or ", ConfigNames)}");
        checkpoint ??= LatestCheckpoint(runDirectory);
        if (checkpoint is null && needCheckpoint)
        {
            throw new RunDirectoryException($"run '{runDirectory}' has no checkpoint (*.safetensors) in it or in {CheckpointFolder}/; has it finished a first save?");
        }
        return new RunFiles(runDirectory, config, checkpoint);
    }

    /// <summary>The metrics log (metrics.jsonl or metrics.csv), or null when the run has none yet.</summary>
    public string? MetricsPath =>
        new[] { "metrics.jsonl", "metrics.csv" }.Select(n => Path.Combine(RunDirectory, n)).FirstOrDefault(File.Exists);

    /// <summary>The checkpoint with the highest step number in its name, else the newest file.</summary>
    public static string? LatestCheckpoint(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var files = new[] { runDirectory, Path.Combine(runDirectory, CheckpointFolder) }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.safetensors"))
            .ToList();
        return files
            .OrderByDescending(Step)
            .ThenByDescending(File.GetLastWriteTimeUtc)
            .ThenByDescending(f => f, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    // "step-001200.safetensors", "ckpt_1200.safetensors" → 1200; a name without digits ranks by time.
    private static long Step(string file)
    {
        var m = Digits().Match(Path.GetFileNameWithoutExtension(file));
        return m.Success && long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    [GeneratedRegex("[0-9]+(?=[^0-9]*$)")]
    private static partial Regex Digits();
}
