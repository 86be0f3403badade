using System.Collections;

namespace ArithLab.Training.Config;

/// <summary>
/// An immutable list with value equality, so that config records holding lists compare (and
/// round-trip) by content rather than by reference.
/// </summary>
public sealed class ConfigList<T> : IReadOnlyList<T>, IEquatable<ConfigList<T>>
{
    private readonly T[] _items;

    public ConfigList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    public static ConfigList<T> Empty { get; } = new(Array.Empty<T>());

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ConfigList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ConfigList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Builds <see cref="ConfigList{T}"/> from collection expressions and params.</summary>
public static class ConfigList
{
    public static ConfigList<T> Of<T>(params T[] items) => new(items);
}
