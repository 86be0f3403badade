using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>
/// Loads an experiment YAML strictly: every key must be in <see cref="ConfigKeys"/>, every value
/// must parse and be in range, and cross-field rules must hold. All problems are collected and
/// thrown together as one <see cref="ConfigException"/>. `--set key.path=value` overrides go
/// through the same parsing and checks, after the file.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads and checks a YAML file; messages name the file as <paramref name="path"/> was given.</summary>
    public static ExperimentConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        return Parse(ReadText(path), path, overrides);
    }

    internal static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigError("", ConfigSource.InFile(path, 0, 0), "cannot read the file: " + e.Message)]);
        }
    }

    /// <summary>Parses and checks YAML text; <paramref name="fileName"/> is used in messages only.</summary>
    public static ExperimentConfig Parse(string yaml, string fileName, IEnumerable<string>? overrides = null) =>
        Parse(yaml, fileName, [], overrides ?? []);

    /// <summary>
    /// Reads and checks a YAML file, then puts values read from another YAML file on top (a sweep's
    /// grid values), each checked like the file's own and named in messages by its own file and line.
    /// </summary>
    public static ExperimentConfig LoadWithPatches(string path, IEnumerable<ConfigPatch> patches) =>
        Parse(ReadText(path), path, patches, []);

    private static ExperimentConfig Parse(string yaml, string fileName, IEnumerable<ConfigPatch> patches, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(patches);
        var reading = new Reading();
        var root = ReadDocument(yaml, fileName, reading.Errors);
        // A file that is not valid YAML has no keys to miss; its syntax error is the news.
        var readable = reading.Errors.Count == 0;
        if (root is not null)
        {
            reading.Walk(root, "", node => Source(fileName, node));
        }
        foreach (var patch in patches)
        {
            reading.Put(patch.KeyPath, patch.Value, node => Source(patch.FileName, node), Source(patch.FileName, patch.Value));
        }
        foreach (var text in overrides)
        {
            reading.Override(text);
        }
        // After the overrides, so `--set name=x` supplies a name the file lacks.
        foreach (var required in ConfigKeys.All.Where(k => readable && k.Required && !reading.Given(k.Path)))
        {
            reading.Errors.Add(new ConfigError(required.Path, ConfigSource.InFile(fileName, 1, 1), "missing required key"));
        }
        return reading.Finish();
    }

    /// <summary>Applies overrides to an already loaded config, e.g. one read back from a run directory.</summary>
    public static ExperimentConfig Apply(ExperimentConfig config, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(overrides);
        var reading = new Reading(config);
        foreach (var text in overrides)
        {
            reading.Override(text);
        }
        return reading.Finish();
    }

    private static ConfigSource Source(string fileName, YamlNode node) =>
        ConfigSource.InFile(fileName, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The YAML's root mapping; null for an empty document or one with problems, which go to <paramref name="errors"/>.</summary>
    internal static YamlMappingNode? ReadDocument(string yaml, string fileName, List<ConfigError> errors, string sections = "name, task, data, model, ...")
    {
        var stream = new YamlStream();
        try
        {
            // The representation model is built recursively: refuse absurd nesting before it overflows the stack.
            if (NestingDepth(yaml) is { } deep)
            {
                errors.Add(new ConfigError("", ConfigSource.InFile(fileName, deep.Line, deep.Column),
                    $"nested more than {MaxNesting} levels deep; an experiment nests sections a few levels at most"));
                return null;
            }
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var problem = "invalid YAML: " + (e.InnerException?.Message ?? e.Message);
            if (e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || e.InnerException is ArgumentException)
            {
                problem = "duplicate key: each key may appear once in a mapping";
            }
            errors.Add(new ConfigError("", ConfigSource.InFile(fileName, (int)e.Start.Line, (int)e.Start.Column), problem));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some unclosed flow collections without a position.
            errors.Add(new ConfigError("", ConfigSource.InFile(fileName, 0, 0), "invalid YAML: the file cannot be read (an unclosed '[', '{' or quote?)"));
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            errors.Add(new ConfigError("", Source(fileName, stream.Documents[1].RootNode), "expected one YAML document, found " + stream.Documents.Count));
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode scalar && ValueKind.IsNull(scalar))
        {
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(new ConfigError("", Source(fileName, root), $"expected a mapping of sections ({sections})"));
            return null;
        }
        return mapping;
    }

    private const int MaxNesting = 64;

    /// <summary>Where the YAML first nests deeper than <see cref="MaxNesting"/>, read as a stream of events (no recursion); null if it never does.</summary>
    private static (int Line, int Column)? NestingDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (MoveNext(parser))
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxNesting)
                    {
                        return ((int)parser.Current.Start.Line, (int)parser.Current.Start.Column);
                    }
                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
        return null;
    }

    // A syntax error ends the count: the full load that follows reports it with its position.
    private static bool MoveNext(Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The state of one load: values found so far, where each came from, problems found.</summary>
    private sealed class Reading(ExperimentConfig? start = null)
    {
        private readonly List<(ConfigKey Key, object Value, ConfigSource Source)> _values = [];
        private readonly Dictionary<string, ConfigSource> _sources = new(StringComparer.Ordinal);

        public List<ConfigError> Errors { get; } = [];

        private readonly HashSet<string> _given = new(StringComparer.Ordinal);

        /// <summary>Whether the key appeared, even with a value that was rejected.</summary>
        public bool Given(string path) => _given.Contains(path);

        public void Walk(YamlMappingNode mapping, string parent, Func<YamlNode, ConfigSource> sourceOf)
        {
            foreach (var (keyNode, valueNode) in WithMerges(mapping))
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    Errors.Add(new ConfigError(parent, sourceOf(keyNode), "keys must be plain names"));
                    continue;
                }
                var path = parent.Length == 0 ? name : parent + "." + name;
                var key = ConfigKeys.Find(path);
                if (key is not null)
                {
                    Assign(key, valueNode, sourceOf(valueNode));
                }
                else if (ConfigKeys.IsGroup(path))
                {
                    if (valueNode is YamlMappingNode inner)
                    {
                        Walk(inner, path, sourceOf);
                    }
                    else
                    {
                        var names = string.Join(", ", ConfigKeys.NamesIn(path));
                        Errors.Add(new ConfigError(path, sourceOf(valueNode), $"expected a mapping with keys {names}"));
                    }
                }
                else
                {
                    Errors.Add(new ConfigError(path, sourceOf(keyNode), "unknown key", Suggest(name, parent)) { IsUnknownKey = true });
                }
            }
        }

        /// <summary>
        /// The mapping's entries with YAML merge keys resolved (`<<: *anchor` or `<<: [*a, *b]`): the
        /// merged mappings' keys that the mapping does not set itself, in order, then its own.
        /// </summary>
        private IEnumerable<KeyValuePair<YamlNode, YamlNode>> WithMerges(YamlMappingNode mapping)
        {
            var own = mapping.Children.Where(kv => !IsMergeKey(kv.Key)).ToList();
            var merged = new List<KeyValuePair<YamlNode, YamlNode>>();
            foreach (var (key, value) in mapping.Children.Where(kv => IsMergeKey(kv.Key)))
            {
                var sources = value is YamlSequenceNode list ? list.Children : [value];
                foreach (var source in sources)
                {
                    if (source is not YamlMappingNode block)
                    {
                        Errors.Add(new ConfigError("", ConfigSource.Default, $"a merge key '<<' at line {key.Start.Line} needs a mapping (an alias like *defaults) to merge"));
                        continue;
                    }
                    merged.AddRange(block.Children.Where(kv => !own.Any(o => SameKey(o.Key, kv.Key)) && !merged.Any(m => SameKey(m.Key, kv.Key))));
                }
            }
            return merged.Concat(own);
        }

        private static bool IsMergeKey(YamlNode node) => node is YamlScalarNode { Value: "<<" };

        private static bool SameKey(YamlNode a, YamlNode b) => a is YamlScalarNode x && b is YamlScalarNode y && x.Value == y.Value;

        public void Override(string text)
        {
            var source = ConfigSource.FromOverride(text);
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Errors.Add(new ConfigError("", source, "expected key.path=value"));
                return;
            }
            var path = text[..eq].Trim();
            var valueText = text[(eq + 1)..];
            var key = ConfigKeys.Find(path);
            if (key is null && !ConfigKeys.IsGroup(path))
            {
                var dot = path.LastIndexOf('.');
                var parent = dot < 0 ? "" : path[..dot];
                var name = path[(dot + 1)..];
                // On the command line people type full paths, so suggest one.
                var suggestion = ConfigKeys.IsGroup(parent) || parent.Length == 0 ? Suggest(name, parent) : SuggestPath(path);
                if (suggestion is not null && !suggestion.Contains('.', StringComparison.Ordinal) && parent.Length > 0)
                {
                    suggestion = parent + "." + suggestion;
                }
                Errors.Add(new ConfigError(path, source, "unknown key", suggestion) { IsUnknownKey = true });
                return;
            }
            var node = ParseValue(valueText);
            if (node is null)
            {
                Errors.Add(new ConfigError(path, source, $"'{valueText}' is not a valid YAML value"));
                return;
            }
            Put(path, node, _ => source, source);
        }

        /// <summary>Sets the key or group at <paramref name="path"/> from a YAML node, as if the file had it there.</summary>
        public void Put(string path, YamlNode node, Func<YamlNode, ConfigSource> sourceOf, ConfigSource source)
        {
            var key = ConfigKeys.Find(path);
            if (key is not null)
            {
                Assign(key, node, sourceOf(node));
            }
            else if (!ConfigKeys.IsGroup(path))
            {
                Errors.Add(new ConfigError(path, source, "unknown key", SuggestPath(path)) { IsUnknownKey = true });
            }
            else if (node is YamlMappingNode mapping)
            {
                Walk(mapping, path, sourceOf);
            }
            else
            {
                Errors.Add(new ConfigError(path, source, $"expected a mapping like {{{string.Join(": ..., ", ConfigKeys.NamesIn(path))}: ...}}"));
            }
        }

        public ExperimentConfig Finish()
        {
            var config = start ?? ExperimentConfig.Default;
            // Shorthands first, so `digits: {min: 1, a: {min: 2}}` means a from 2, b from 1 whatever the order.
            foreach (var (key, value, _) in _values.Where(v => v.Key.IsShorthand))
            {
                config = key.SetValue(config, value);
            }
            foreach (var (key, value, _) in _values.Where(v => !v.Key.IsShorthand))
            {
                config = key.SetValue(config, value);
            }
            // Cross-field rules run even after value errors, but skip keys whose value was rejected:
            // a rule about a default that stands in for a bad value would only mislead.
            var rejected = Errors.Select(e => e.KeyPath).ToHashSet(StringComparer.Ordinal);
            Errors.AddRange(ConfigValidator.Check(config, SourceOf, rejected));
            if (Errors.Count > 0)
            {
                throw new ConfigException(Errors.ToList());
            }
            return config;
        }

        private void Assign(ConfigKey key, YamlNode node, ConfigSource source)
        {
            _given.Add(key.Path);
            if (node is YamlScalarNode { Tag.IsEmpty: false } tagged && tagged.Tag.Value == "tag:yaml.org,2002:str" && key.Kind is IntKind or FloatKind or BoolKind)
            {
                // An explicit !!str means text, which a number or switch key cannot take.
                Errors.Add(new ConfigError(key.Path, source, $"'{tagged.Value}' is tagged !!str (text), but this key takes {key.Kind.TypeName}; remove the tag"));
                return;
            }
            var parsed = key.Kind.Parse(node);
            if (parsed.Failed)
            {
                Errors.Add(new ConfigError(key.Path, source, parsed.Error!, parsed.Suggestion));
                return;
            }
            _values.Add((key, parsed.Value!, source));
            _sources[key.Path] = source;
            if (key.IsShorthand)
            {
                // A shorthand's source is the source of the keys it sets, for cross-field messages.
                var parent = key.Parent;
                foreach (var target in ConfigKeys.All.Where(k => !k.IsShorthand && k.Name == key.Name && k.Parent.StartsWith(parent + ".", StringComparison.Ordinal)))
                {
                    _sources.TryAdd(target.Path, source);
                }
            }
        }

        private ConfigSource SourceOf(string path) => _sources.GetValueOrDefault(path) ?? ConfigSource.Default;

        private static string? Suggest(string name, string parent)
        {
            var sibling = ClosestName.Find(name, ConfigKeys.NamesIn(parent));
            if (sibling is not null)
            {
                return sibling;
            }
            // A key put in the wrong section ("lr" at the top level) is best answered with its full path.
            var elsewhere = ConfigKeys.All.Where(k => k.Name == name).Select(k => k.Path).ToList();
            return elsewhere.Count == 1 ? elsewhere[0] : null;
        }

        private static string? SuggestPath(string path) => ClosestName.Find(path, ConfigKeys.All.Select(k => k.Path));

        /// <summary>An override's value read as YAML, so `[rope, alibi]` is a list and `3e-4` a number.</summary>
        private static YamlNode? ParseValue(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException)
            {
                return null;
            }
            return stream.Documents.Count == 0 ? new YamlScalarNode("") : stream.Documents[0].RootNode;
        }
    }
}
