using System.Globalization;
using System.Text.Json;
using ArithLab.Torch;
using ArithLab.Torch.Safetensors;
using ArithLab.Training.Runs;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// The checkpoints folder of a run. A checkpoint is written whole into <c>step-N.tmp/</c>, each file
/// flushed to disk, then the folder is renamed to <c>step-N/</c> and only then is the <c>latest</c>
/// pointer replaced (itself written to a temporary file and renamed). A crash at any moment leaves
/// <c>latest</c> naming a complete checkpoint; leftovers of an interrupted write are removed by the
/// next save.
/// </summary>
public sealed class CheckpointStore
{
    public const string LatestFileName = "latest";
    private const string Prefix = "step-";
    private const string TemporarySuffix = ".tmp";

    public CheckpointStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    public string Path { get; }

    public string LatestPath => System.IO.Path.Combine(Path, LatestFileName);

    /// <summary>The folder name of the checkpoint at a step.</summary>
    public static string NameOf(long step) => Prefix + step.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Complete checkpoints, oldest first.</summary>
    public IReadOnlyList<CheckpointInfo> All()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }
        return Directory.EnumerateDirectories(Path, Prefix + "*")
            .Select(d => System.IO.Path.GetFileName(d))
            .Where(n => !n.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            .Select(n => long.TryParse(n.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? new CheckpointInfo(s, System.IO.Path.Combine(Path, n)) : null)
            .OfType<CheckpointInfo>()
            .Where(c => c.IsComplete)
            .OrderBy(c => c.Step)
            .ToList();
    }

    /// <summary>The checkpoint <c>latest</c> names, or (if the pointer is missing or stale) the newest complete one; null when there is none.</summary>
    public CheckpointInfo? Latest()
    {
        if (File.Exists(LatestPath))
        {
            var name = File.ReadAllText(LatestPath).Trim();
            var named = new CheckpointInfo(0, System.IO.Path.Combine(Path, name));
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
                && named.IsComplete)
            {
                return named with { Step = step };
            }
        }
        var all = All();
        return all.Count == 0 ? null : all[^1];
    }

    /// <summary>The checkpoint at a step; throws listing the steps there are.</summary>
    public CheckpointInfo At(long step) =>
        All().FirstOrDefault(c => c.Step == step)
        ?? throw new FileNotFoundException($"no checkpoint at step {step} in {Path}; there are: {string.Join(", ", All().Select(c => c.Step))}");

    /// <summary>
    /// Writes a checkpoint atomically, points <c>latest</c> at it, and keeps only the newest
    /// <paramref name="keep"/> (0 keeps all).
    /// </summary>
    public CheckpointInfo Save(
        TrainerState state,
        IReadOnlyDictionary<string, Tensor> model,
        IReadOnlyDictionary<string, string> modelMetadata,
        IReadOnlyDictionary<string, Tensor> optimizer,
        int keep)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        Directory.CreateDirectory(Path);
        RemoveLeftovers();
        var name = NameOf(state.Step);
        var final = System.IO.Path.Combine(Path, name);
        var temporary = final + TemporarySuffix;
        Directory.CreateDirectory(temporary);
        var info = new CheckpointInfo(state.Step, temporary);
        SafetensorsFile.Save(info.ModelPath, model, modelMetadata);
        SafetensorsFile.Save(info.OptimizerPath, optimizer, new Dictionary<string, string> { ["step"] = state.Step.ToString(CultureInfo.InvariantCulture) });
        AtomicFile.WriteAllText(info.StatePath, JsonSerializer.Serialize(state, s_json));
        if (Directory.Exists(final))
        {
            // Re-saving a step (the final checkpoint after a periodic one at the same step).
            Directory.Delete(final, recursive: true);
        }
        Directory.Move(temporary, final);
        AtomicFile.WriteAllText(LatestPath, name + "\n");
        Prune(keep, state.Step);
        return new CheckpointInfo(state.Step, final);
    }

    /// <summary>Reads a checkpoint's state.json; throws <see cref="CheckpointDamagedException"/> when it does not parse.</summary>
    public static TrainerState ReadState(CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(checkpoint.StatePath), s_json)
                   ?? throw new InvalidDataException("it holds null");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new CheckpointDamagedException(checkpoint, $"checkpoint {checkpoint.Path} is damaged: {checkpoint.StatePath} is not a trainer state ({e.Message})", e);
        }
    }

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private void Prune(int keep, long newest)
    {
        if (keep <= 0)
        {
            return;
        }
        var all = All();
        foreach (var old in all.Take(Math.Max(0, all.Count - keep)))
        {
            if (old.Step != newest)
            {
                Directory.Delete(old.Path, recursive: true);
            }
        }
    }

    private void RemoveLeftovers()
    {
        foreach (var leftover in Directory.EnumerateDirectories(Path, Prefix + "*" + TemporarySuffix))
        {
            Directory.Delete(leftover, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(Path, "*" + TemporarySuffix))
        {
            File.Delete(file);
        }
    }
}
