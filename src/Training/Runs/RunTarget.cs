using System.Globalization;
using ArithLab.Training.Checkpoints;

namespace ArithLab.Training.Runs;

/// <summary>
/// What a command line names: a run directory (its latest checkpoint), or one checkpoint of a run —
/// its folder <c>checkpoints/step-N/</c> or the <c>model.safetensors</c> in it.
/// </summary>
public sealed record RunTarget(RunDirectory Run, long? Step)
{
    /// <summary>Finds the run; throws <see cref="RunDirectoryException"/> saying what is missing.</summary>
    public static RunTarget Resolve(string path, bool needCheckpoint = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string folder;
        long? step = null;
        if (File.Exists(path))
        {
            if (Path.GetFileName(path) != CheckpointInfo.ModelFileName)
            {
                throw new RunDirectoryException($"'{path}' is a file but not a checkpoint's {CheckpointInfo.ModelFileName}; give a run directory or a checkpoint");
            }
            path = Path.GetDirectoryName(Path.GetFullPath(path))!;
        }
        if (!Directory.Exists(path))
        {
            throw new RunDirectoryException($"no run directory or checkpoint at '{path}'");
        }
        folder = Path.GetFullPath(path);
        var name = Path.GetFileName(folder);
        var parent = Path.GetDirectoryName(folder);
        if (name.StartsWith("step-", StringComparison.Ordinal) && parent is not null && Path.GetFileName(parent) == "checkpoints"
            && long.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            step = s;
            folder = Path.GetDirectoryName(parent)!;
        }

        RunDirectory run;
        try
        {
            run = RunDirectory.Open(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new RunDirectoryException(e.Message);
        }
        if (needCheckpoint && step is null && run.Checkpoints.Latest() is null)
        {
            throw new RunDirectoryException($"run '{run.Path}' has no checkpoint yet; has it finished a first save?");
        }
        return new RunTarget(run, step);
    }

    /// <summary>The metrics log (metrics.jsonl or metrics.csv), or null when the run has none yet.</summary>
    public string? MetricsPath =>
        new[] { Config.LogFormat.Jsonl, Config.LogFormat.Csv }.Select(Run.MetricsPath).FirstOrDefault(File.Exists);
}
