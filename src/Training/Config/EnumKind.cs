using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>
/// One of a fixed set of names, each mapped to a member of <typeparamref name="T"/>. A member may
/// have several names: the first is canonical (written and listed), later ones are accepted
/// spellings kept so older configs still load.
/// </summary>
public sealed class EnumKind<T> : ValueKind
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _names;

    public EnumKind(params (string Name, T Value)[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        // Every member needs a name, or a loaded value could not be written back.
        var missing = Enum.GetValues<T>().Where(v => !names.Any(n => n.Value.Equals(v))).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"no YAML name for {typeof(T).Name}.{string.Join(", ", missing)}", nameof(names));
        }
        _names = names;
    }

    /// <summary>The canonical names, one per member.</summary>
    public IEnumerable<string> Names => _names.DistinctBy(n => n.Value).Select(n => n.Name);

    public override string TypeName => string.Join(" | ", Names);

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "one of " + string.Join(", ", Names), out var text, out _);
        if (scalar.Failed)
        {
            return scalar;
        }
        foreach (var (name, value) in _names)
        {
            if (name == text)
            {
                return ParsedValue.Ok(value);
            }
        }
        var closest = ClosestName.Find(text, _names.Select(n => n.Name));
        var canonical = closest is null ? null : NameOf(_names.First(n => n.Name == closest).Value);
        return ParsedValue.Fail($"unknown value '{text}'; expected one of {string.Join(", ", Names)}", canonical);
    }

    internal override string Format(object value) => NameOf((T)value);

    public string NameOf(T value) => _names.First(n => n.Value.Equals(value)).Name;
}
