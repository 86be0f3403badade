using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Hooks;

/// <summary>
/// An identity module at an interesting activation, named from the module tree
/// (<c>blocks.0.attn.hook_pattern</c>), after TransformerLens. With no hook attached it returns
/// its input unchanged and allocates nothing.
/// </summary>
public sealed class HookPoint : Module
{
    private readonly List<Hook> _hooks = new();

    /// <summary>The full name in the model, set by the model that owns this point.</summary>
    public string Name { get; internal set; } = "";

    public bool HasHooks => _hooks.Count > 0;

    public Tensor Forward(Tensor x)
    {
        if (_hooks.Count == 0)
        {
            return x;
        }
        var current = x;
        // Iterate over a copy: a hook may remove itself.
        foreach (var hook in _hooks.ToArray())
        {
            var replaced = hook(current, this);
            if (replaced is not null)
            {
                current = replaced;
            }
        }
        return current;
    }

    /// <summary>Attaches a hook; disposing the result removes exactly this hook.</summary>
    public IDisposable AddHook(Hook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _hooks.Add(hook);
        return new Removal(this, hook);
    }

    public void RemoveAllHooks() => _hooks.Clear();

    private sealed class Removal(HookPoint point, Hook hook) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done)
            {
                return;
            }
            _done = true;
            point._hooks.Remove(hook);
        }
    }
}
