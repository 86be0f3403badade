using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>
/// One of a fixed set of names, each mapped to a value of <typeparamref name="T"/> (an enum member,
/// or an entry of a registry in Models or Data). A value may have several names: the first is
/// canonical (written and listed), later ones are accepted spellings kept so older configs still load.
/// </summary>
public class NameKind<T> : ValueKind
    where T : notnull
{
    private readonly (string Name, T Value)[] _names;

    public NameKind(params (string Name, T Value)[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
    }

    /// <summary>The canonical names, one per value.</summary>
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
