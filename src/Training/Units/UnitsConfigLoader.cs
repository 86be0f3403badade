using System.Security.Cryptography;
using System.Text;
using ArithLab.Training.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Units;

/// <summary>
/// Loads a units YAML as strictly as an experiment YAML: every key must be in <see cref="UnitsKeys"/>,
/// every value must parse, and every problem is reported at once, naming file, line, key and the
/// closest known key. `--set key=value` overrides go through the same table.
/// </summary>
public static class UnitsConfigLoader
{
    public static UnitsConfig Load(string path, IEnumerable<string>? overrides = null) =>
        Parse(ConfigLoader.ReadText(path), path, overrides);

    public static UnitsConfig Parse(string yaml, string fileName, IEnumerable<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<ConfigError>();
        var config = UnitsConfig.Default;
        var given = new HashSet<string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, ConfigSource>(StringComparer.Ordinal);
        // The experiment loader's reading: syntax errors, duplicate keys and absurd nesting reported alike.
        if (ConfigLoader.ReadDocument(yaml, fileName, errors, "name, task, model, train, precision, success, runtime") is { } root)
        {
            Walk(root, "");
        }
        foreach (var text in overrides ?? [])
        {
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var source = ConfigSource.FromOverride(text);
            if (eq <= 0)
            {
                errors.Add(new ConfigError("", source, "expected key.path=value"));
                continue;
            }
            sources[text[..eq].Trim()] = source;
            Apply(text[..eq].Trim(), text[(eq + 1)..].Trim(), source);
        }
        if (!given.Contains("name") && errors.Count == 0)
        {
            errors.Add(new ConfigError("name", ConfigSource.InFile(fileName, 1, 1), "missing required key"));
        }
        errors.AddRange(CrossChecks(config, fileName));
        if (errors.Count == 0)
        {
            errors.AddRange(UnitsRecipeRules.Check(config, sources, ConfigSource.InFile(fileName, 1, 1)));
        }
        return errors.Count > 0 ? throw new ConfigException(errors) : config;

        void Walk(YamlMappingNode mapping, string prefix)
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                var path = prefix.Length == 0 ? key : prefix + "." + key;
                var source = ConfigSource.InFile(fileName, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                if (UnitsKeys.Refusal(path) is { } refusal)
                {
                    errors.Add(new ConfigError(path, source, refusal));
                }
                else if (valueNode is YamlMappingNode child && UnitsKeys.IsSection(path))
                {
                    Walk(child, path);
                }
                else if (valueNode is YamlScalarNode scalar && UnitsKeys.Find(path) is not null)
                {
                    sources[path] = source;
                    Apply(path, scalar.Value ?? "", ConfigSource.InFile(fileName, (int)valueNode.Start.Line, (int)valueNode.Start.Column));
                }
                else if (UnitsKeys.Find(path) is not null || UnitsKeys.IsSection(path))
                {
                    errors.Add(new ConfigError(path, source, UnitsKeys.IsSection(path) ? "expected a mapping of keys" : "expected a single value"));
                }
                else
                {
                    var siblings = UnitsKeys.Paths.Concat(UnitsKeys.Paths.SelectMany(Sections)).Distinct();
                    errors.Add(new ConfigError(path, source, "unknown key", ClosestName.Find(path, siblings)) { IsUnknownKey = true });
                }
            }
        }

        void Apply(string path, string value, ConfigSource source)
        {
            if (UnitsKeys.Refusal(path) is { } refusal)
            {
                errors.Add(new ConfigError(path, source, refusal));
                return;
            }
            if (UnitsKeys.Find(path) is not { } key)
            {
                errors.Add(new ConfigError(path, source, "unknown key", ClosestName.Find(path, UnitsKeys.Paths)) { IsUnknownKey = true });
                return;
            }
            try
            {
                config = key.Set(config, value);
                given.Add(path);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                errors.Add(new ConfigError(path, source, e.Message));
            }
        }
    }

    /// <summary>Canonical YAML of every key, in table order: what config.resolved.yaml holds.</summary>
    public static string Write(UnitsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sb = new StringBuilder();
        var open = new List<string>();
        foreach (var key in UnitsKeys.All)
        {
            var parts = key.Path.Split('.');
            var common = 0;
            while (common < open.Count && common < parts.Length - 1 && open[common] == parts[common])
            {
                common++;
            }
            open.RemoveRange(common, open.Count - common);
            for (var i = common; i < parts.Length - 1; i++)
            {
                sb.Append(new string(' ', 2 * i)).Append(parts[i]).Append(":\n");
                open.Add(parts[i]);
            }
            sb.Append(new string(' ', 2 * (parts.Length - 1))).Append(parts[^1]).Append(": ").Append(YamlText.Quoted(key.ValueText(config))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The first 12 hex digits of SHA-256 over the science keys away from their defaults, so added keys keep run names.</summary>
    public static string ScienceHash(UnitsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lines = UnitsKeys.All.Where(k => k.IsScience && k.Path is not ("name" or "seed") && k.ValueText(config) != k.DefaultText)
            .Select(k => k.Path + "=" + k.ValueText(config));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static IEnumerable<string> Sections(string path)
    {
        for (var i = path.IndexOf('.', StringComparison.Ordinal); i > 0; i = path.IndexOf('.', i + 1))
        {
            yield return path[..i];
        }
    }

    private static IEnumerable<ConfigError> CrossChecks(UnitsConfig c, string fileName)
    {
        var where = ConfigSource.InFile(fileName, 1, 1);
        if (c.Train.SparsityEnd < c.Train.SparsityStart)
        {
            yield return new ConfigError("train.sparsity.end", where, $"must not come before train.sparsity.start ({c.Train.SparsityStart})");
        }
        if (c.Model.LinearBias && c.Model.First != UnitKind.Linear && c.Model.Second != UnitKind.Linear)
        {
            yield return new ConfigError("model.linear_bias", where, "neither model.first nor model.second is linear; the arithmetic units have no bias");
        }
        if (c.Task.Subsets is { } s && Math.Max(s.A.End, s.B.End) > c.Task.InputSize)
        {
            yield return new ConfigError("task.subsets", where, $"reaches past task.input_size ({c.Task.InputSize})");
        }
        var width = (int)Math.Floor(c.Task.SubsetRatio * c.Task.InputSize);
        if (c.Task.Subsets is null && (width < 1 || 2 * width - (int)Math.Floor(c.Task.OverlapRatio * width) > c.Task.InputSize))
        {
            yield return new ConfigError("task.subset_ratio", where, $"two subsets of ratio {c.Task.SubsetRatio} with overlap {c.Task.OverlapRatio} do not fit {c.Task.InputSize} inputs");
        }
    }
}
