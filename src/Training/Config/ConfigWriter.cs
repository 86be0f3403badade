using System.Text;

namespace ArithLab.Training.Config;

/// <summary>
/// Writes a config as canonical YAML: every key in <see cref="ConfigKeys"/> order with its value,
/// defaults included, so a run directory's `config.resolved.yaml` says exactly what ran and
/// loads back to an equal config.
/// </summary>
public static class ConfigWriter
{
    /// <summary>The whole config.</summary>
    public static string Write(ExperimentConfig config) => Write(config, _ => true);

    /// <summary>
    /// What the science hash reads: the keys of the sections that change results (not `runtime`, nor
    /// the top-level `name`, `seed` and `description`) whose value differs from the default. Leaving
    /// defaults out keeps a hash, and so a run directory's name, the same when a later version adds a
    /// key whose default keeps the old behaviour. A key added with a default that changes results
    /// is left out at the value that keeps the old behaviour instead (<see cref="ConfigKey.KeepsEarlierBehaviour"/>),
    /// so runs made before it keep their hash and new runs, which behave differently, get another.
    /// </summary>
    public static string WriteScience(ExperimentConfig config) =>
        Write(config, k => k.IsScience && k.Parent.Length > 0 && !k.KeepsEarlierBehaviour(config));

    /// <summary>Writes the resolved config to a file (write to a temporary file, then rename, so a crash leaves no half file).</summary>
    public static void Save(ExperimentConfig config, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Write(config));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Write(ExperimentConfig config, Func<ConfigKey, bool> include)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sb = new StringBuilder();
        var open = Array.Empty<string>();
        foreach (var key in ConfigKeys.All.Where(k => !k.IsShorthand && include(k)))
        {
            var segments = key.Path.Split('.');
            var groups = segments[..^1];
            // Keep the mappings this key shares with the previous one; open the rest.
            var shared = 0;
            while (shared < open.Length && shared < groups.Length && open[shared] == groups[shared])
            {
                shared++;
            }
            if (shared == 0 && groups.Length > 0 && sb.Length > 0)
            {
                sb.Append('\n');
            }
            for (var depth = shared; depth < groups.Length; depth++)
            {
                sb.Append(' ', 2 * depth).Append(groups[depth]).Append(":\n");
            }
            open = groups;
            sb.Append(' ', 2 * groups.Length).Append(segments[^1]).Append(": ").Append(key.ValueText(config)).Append('\n');
        }
        return sb.ToString();
    }
}
