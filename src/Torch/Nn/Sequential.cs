using System.Globalization;

namespace ArithLab.Torch.Nn;

/// <summary>
/// Modules applied one after another, named "0", "1", ... as PyTorch's <c>nn.Sequential</c>.
/// Intermediate results are disposed as soon as the next module has consumed them (autograd
/// keeps what it needs), so only the input and the output are the caller's.
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    // Named by index in NamedChildren, not by member name.
    [NotState]
    private readonly List<Module<Tensor, Tensor>> _modules;

    public Sequential(params Module<Tensor, Tensor>[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        if (modules.Any(m => m is null))
        {
            throw new ArgumentException("a sequential cannot hold null", nameof(modules));
        }
        _modules = modules.ToList();
    }

    public int Count => _modules.Count;

    public Module<Tensor, Tensor> this[int index] => _modules[index];

    public override IEnumerable<(string Name, Module Module)> NamedChildren() =>
        _modules.Select((m, i) => (i.ToString(CultureInfo.InvariantCulture), (Module)m));

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = input;
        foreach (var module in _modules)
        {
            var next = module.Forward(current);
            if (!ReferenceEquals(current, input) && !ReferenceEquals(current, next))
            {
                current.Dispose();
            }
            current = next;
        }
        // With no modules, or modules that pass their input through, return a handle of the caller's own.
        return ReferenceEquals(current, input) ? input.Alias() : current;
    }
}
