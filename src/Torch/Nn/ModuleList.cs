using System.Collections;
using System.Globalization;

namespace ArithLab.Torch.Nn;

/// <summary>
/// An indexed list of child modules, named "0", "1", ... in the state dict
/// (<c>blocks.0.attn.qkv.weight</c>), as PyTorch's <c>nn.ModuleList</c>. It has no forward:
/// the owner decides how its items are called.
/// </summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    // Named by index in NamedChildren, not by member name.
    [NotState]
    private readonly List<T> _items;

    public ModuleList(IEnumerable<T> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _items = modules.ToList();
        if (_items.Any(m => m is null))
        {
            throw new ArgumentException("a module list cannot hold null", nameof(modules));
        }
    }

    public ModuleList(params T[] modules) : this((IEnumerable<T>)modules)
    {
    }

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public void Add(T module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _items.Add(module);
    }

    public override IEnumerable<(string Name, Module Module)> NamedChildren() =>
        _items.Select((m, i) => (i.ToString(CultureInfo.InvariantCulture), (Module)m));

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
