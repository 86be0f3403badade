using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace ArithLab.Torch.Nn;

/// <summary>
/// The parameters, buffers and child modules a module type declares, found once per type by
/// reflection over its instance fields (auto-properties through their backing fields), in
/// declaration order, base class first. See <see cref="Module"/> for the naming rule.
/// </summary>
internal sealed class ModuleMembers
{
    private static readonly ConcurrentDictionary<Type, ModuleMembers> s_cache = new();

    private ModuleMembers(IReadOnlyList<Member> members) => Members = members;

    public IReadOnlyList<Member> Members { get; }

    public static ModuleMembers Of(Type type) => s_cache.GetOrAdd(type, Discover);

    internal enum Kind
    {
        Parameter,
        Buffer,
        Module,
    }

    /// <param name="Inline">Marked <see cref="InlineChildrenAttribute"/>: its children are listed in its place.</param>
    internal sealed record Member(string Name, Kind Kind, FieldInfo Field, bool Inline = false)
    {
        public object? ValueOf(Module owner) => Field.GetValue(owner);
    }

    private static ModuleMembers Discover(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Add(t);
        }
        chain.Reverse();

        var members = new List<Member>();
        var names = new Dictionary<string, string>();
        foreach (var t in chain)
        {
            var fields = t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.MetadataToken);
            foreach (var field in fields)
            {
                var (memberName, property) = SourceMember(t, field);
                if (Attribute(field, property, typeof(NotStateAttribute)) is not null)
                {
                    continue;
                }
                if (typeof(Tensor).IsAssignableFrom(field.FieldType))
                {
                    throw new InvalidOperationException(
                        $"{type.Name}.{memberName} is a plain Tensor, which a module neither saves, moves nor disposes; make it a ModuleBuffer, or mark it [NotState]");
                }
                var kind = KindOf(field.FieldType);
                if (kind is null)
                {
                    RejectCollections(type, memberName, field.FieldType);
                    continue;
                }
                if (Attribute(field, property, typeof(InlineChildrenAttribute)) is not null)
                {
                    if (kind != Kind.Module)
                    {
                        throw new InvalidOperationException($"{type.Name}.{memberName}: only a Module member can be [InlineChildren]");
                    }
                    members.Add(new Member(memberName, kind.Value, field, Inline: true));
                    continue;
                }
                var stateName = (Attribute(field, property, typeof(StateNameAttribute)) as StateNameAttribute)?.Name ?? SnakeCase(memberName);
                if (stateName.Length == 0 || stateName.Contains('.', StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{type.Name}.{memberName}: state name '{stateName}' must be non-empty and contain no '.'");
                }
                if (names.TryGetValue(stateName, out var other))
                {
                    throw new InvalidOperationException($"{type.Name}: members {other} and {memberName} both have the state name '{stateName}'; rename one or give it [StateName]");
                }
                names[stateName] = memberName;
                members.Add(new Member(stateName, kind.Value, field));
            }
        }
        return new ModuleMembers(members);
    }

    private static Kind? KindOf(Type type)
    {
        if (typeof(Parameter).IsAssignableFrom(type))
        {
            return Kind.Parameter;
        }
        if (typeof(Module).IsAssignableFrom(type))
        {
            return Kind.Module;
        }
        if (typeof(ModuleBuffer).IsAssignableFrom(type))
        {
            return Kind.Buffer;
        }
        return null;
    }

    // A List<Module> or Parameter[] would silently hide its elements from the state dict.
    private static void RejectCollections(Type owner, string memberName, Type fieldType)
    {
        if (fieldType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(fieldType))
        {
            return;
        }
        var element = fieldType.IsArray
            ? fieldType.GetElementType()
            : fieldType.GetInterfaces().Concat(new[] { fieldType })
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0]).FirstOrDefault();
        if (element is not null && (KindOf(element) is not null || typeof(Tensor).IsAssignableFrom(element)))
        {
            throw new InvalidOperationException(
                $"{owner.Name}.{memberName} is a collection of {element.Name}; hold modules in a ModuleList<T> (parameters and buffers one per member) so that they are part of the module tree, or mark the member [NotState]");
        }
    }

    // An auto-property's backing field "<Name>k__BackingField" takes the property's name and attributes.
    private static (string Name, PropertyInfo? Property) SourceMember(Type declaring, FieldInfo field)
    {
        var name = field.Name;
        if (name.StartsWith('<') && name.EndsWith(">k__BackingField", StringComparison.Ordinal))
        {
            var propertyName = name[1..name.IndexOf('>', StringComparison.Ordinal)];
            var property = declaring.GetProperty(propertyName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            return (propertyName, property);
        }
        if (name.StartsWith("m_", StringComparison.Ordinal))
        {
            return (name[2..], null);
        }
        return (name.TrimStart('_'), null);
    }

    private static Attribute? Attribute(FieldInfo field, PropertyInfo? property, Type attribute) =>
        field.GetCustomAttribute(attribute) ?? property?.GetCustomAttribute(attribute);

    /// <summary>
    /// PyTorch-style name of a C# member: words split at lower→upper case changes, before the
    /// last capital of an acronym followed by lower case, and between letters and digits,
    /// joined by '_' in lower case: Qkv → qkv, Ln1 → ln_1, LmHead → lm_head, MLPProj → mlp_proj.
    /// </summary>
    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && name[i - 1] != '_' && c != '_')
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var boundary =
                    (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous))) ||
                    (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next)) ||
                    (char.IsDigit(c) && char.IsLetter(previous));
                if (boundary)
                {
                    builder.Append('_');
                }
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
