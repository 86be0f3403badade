namespace ArithLab.Training.Config;

/// <summary>
/// One of a fixed set of names, each mapped to a member of <typeparamref name="T"/>; every member
/// needs a name. See <see cref="NameKind{T}"/> for canonical names and accepted spellings.
/// </summary>
public sealed class EnumKind<T> : NameKind<T>
    where T : struct, Enum
{
    public EnumKind(params (string Name, T Value)[] names)
        : base(names)
    {
        // Every member needs a name, or a loaded value could not be written back.
        var missing = Enum.GetValues<T>().Where(v => !names.Any(n => n.Value.Equals(v))).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"no YAML name for {typeof(T).Name}.{string.Join(", ", missing)}", nameof(names));
        }
    }
}
