using ArithLab.Torch.Native;

namespace ArithLab.Torch.Nn;

/// <summary>
/// The base of every layer and model: a tree of modules holding parameters and buffers,
/// as PyTorch's <c>nn.Module</c>.
/// <para>
/// Nothing needs registering. A module's state is what its instance fields and
/// auto-properties hold (found by reflection once per type, in declaration order, base
/// class first; null members are skipped): a <see cref="Parameter"/> is a parameter, a
/// <see cref="Module"/> (including <see cref="ModuleList{T}"/> and
/// <see cref="Sequential"/>) a child, a <see cref="ModuleBuffer"/> a buffer.
/// <see cref="NotStateAttribute"/> hides a member. Plain <see cref="Tensor"/> members and
/// collections of modules, parameters or tensors other than <see cref="ModuleList{T}"/> are
/// rejected, since the module could neither save, move nor dispose them.
/// </para>
/// <para>
/// Names: a member's name in snake_case (leading '_' or "m_" dropped; a '_' where lower
/// case meets upper case, before the last capital of an acronym followed by lower case, and
/// between letters and digits): <c>Qkv</c> → <c>qkv</c>, <c>LmHead</c> → <c>lm_head</c>,
/// <c>Ln1</c> → <c>ln_1</c>; <see cref="StateNameAttribute"/> overrides it. Full names
/// follow the tree, joined by '.', list items by index: <c>blocks.0.attn.qkv.weight</c>.
/// </para>
/// <para>
/// Weight decay: each parameter carries <see cref="Parameter.NoWeightDecay"/>; the built-in
/// layers set it for every bias and for the weights of norms and embeddings, and
/// <see cref="NamedParameters"/> reports it so an optimizer can form its two groups.
/// </para>
/// <c>To</c>, <c>Train</c>/<c>Eval</c>, <c>Apply</c> and <c>RequiresGrad_</c> live in <see cref="ModuleExtensions"/> so that they return the module's own type.
/// Disposing a module disposes every parameter and buffer of its tree.
/// </summary>
public abstract partial class Module : IDisposable
{
    private bool _disposed;

    /// <summary>True in training mode (the default), false after <c>Eval()</c>. Dropout reads it.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The direct children with their names. Lists override it to name items "0", "1", ...</summary>
    public virtual IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        foreach (var member in ModuleMembers.Of(GetType()).Members)
        {
            if (member.Kind != ModuleMembers.Kind.Module || member.ValueOf(this) is not Module child)
            {
                continue;
            }
            if (!member.Inline)
            {
                yield return (member.Name, child);
                continue;
            }
            if (child.OwnParameters().Any() || child.OwnBuffers().Any())
            {
                throw new InvalidOperationException($"{GetType().Name}.{member.Name} is [InlineChildren] but holds parameters or buffers of its own, which no state name would reach");
            }
            foreach (var grandchild in child.NamedChildren())
            {
                yield return grandchild;
            }
        }
    }

    /// <summary>This module (named "") and every module below it, depth first, each once.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return Walk(this, "", seen);

        static IEnumerable<(string, Module)> Walk(Module module, string prefix, HashSet<Module> seen)
        {
            if (!seen.Add(module))
            {
                yield break;
            }
            yield return (prefix, module);
            foreach (var (name, child) in module.NamedChildren())
            {
                foreach (var item in Walk(child, Join(prefix, name), seen))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>Every parameter of the tree with its full name, each parameter once (a tied weight under its first name).</summary>
    public IEnumerable<NamedParameter> NamedParameters()
    {
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, parameter) in module.OwnParameters())
            {
                if (seen.Add(parameter))
                {
                    yield return new NamedParameter(Join(prefix, name), parameter);
                }
            }
        }
    }

    /// <summary>The tensors of <see cref="NamedParameters"/>, for an optimizer.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor);

    /// <summary>Every buffer of the tree with its full name, persistent or not, each once.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() =>
        NamedBufferEntries().Select(b => (b.Name, b.Buffer));

    /// <summary>Elements in all parameters (each counted once), optionally only those that require grad.</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        NamedParameters().Where(p => !trainableOnly || p.Parameter.RequiresGrad).Sum(p => p.Parameter.NumEl);

    /// <summary>Drops the gradients of all parameters (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in NamedParameters())
        {
            p.Tensor.ZeroGrad();
        }
    }

    /// <summary>Disposes every parameter and buffer of the tree; the module is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        var parameters = NamedParameters().Select(p => p.Parameter).ToList();
        var buffers = NamedBuffers().Select(b => b.Buffer).ToList();
        var modules = NamedModules().Select(m => m.Module).ToList();
        foreach (var p in parameters)
        {
            p.Dispose();
        }
        foreach (var b in buffers)
        {
            b.Dispose();
        }
        foreach (var m in modules)
        {
            m._disposed = true;
        }
    }

    /// <summary>The module tree as PyTorch prints it: <c>Block(\n  (ln_1): LayerNorm((4,), eps=1e-05, ...)\n  ...)</c>.</summary>
    public override string ToString()
    {
        var name = GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var header = tick < 0 ? name : name[..tick];
        var children = NamedChildren().ToList();
        if (children.Count == 0)
        {
            return $"{header}({ExtraRepr()})";
        }
        var text = new System.Text.StringBuilder(header).Append('(');
        var extra = ExtraRepr();
        if (extra.Length > 0)
        {
            text.Append("\n  ").Append(extra);
        }
        foreach (var (childName, child) in children)
        {
            text.Append("\n  (").Append(childName).Append("): ").Append(child.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
        }
        return text.Append("\n)").ToString();
    }

    /// <summary>The settings a layer shows inside its parentheses in <see cref="ToString"/> (PyTorch's <c>extra_repr</c>).</summary>
    protected virtual string ExtraRepr() => "";

    internal void SetTraining(bool training)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.Training = training;
        }
    }

    /// <summary>
    /// Converts every parameter and buffer in place: <paramref name="dtype"/> applies to
    /// floating-point tensors only (as PyTorch's <c>Module.to(dtype)</c>), <paramref name="device"/>
    /// to all. Each tensor keeps its identity (PyTorch's <c>param.data = ...</c>), so an
    /// optimizer built before the move keeps working; gradients are dropped.
    /// </summary>
    internal void MoveTo(ScalarType? dtype, Device? device)
    {
        if (dtype is { } d && !d.IsFloatingPoint())
        {
            throw new ArgumentException($"module parameters can only be cast to a floating dtype, not {d.TorchName()}", nameof(dtype));
        }
        var tensors = NamedParameters().Select(p => p.Tensor).Concat(NamedBuffers().Select(b => b.Buffer));
        foreach (var t in tensors)
        {
            var currentType = t.DType;
            var targetType = dtype is { } cast && currentType.IsFloatingPoint() ? cast : currentType;
            var targetDevice = device ?? t.Device;
            if (targetType == currentType && targetDevice == t.Device)
            {
                continue;
            }
            using var moved = t.To(targetType, targetDevice);
            Status.Check(NativeMethods.al_tensor_set_data(t.Handle, moved.Handle));
        }
    }

    private IEnumerable<(string Name, Parameter Parameter)> OwnParameters()
    {
        foreach (var member in ModuleMembers.Of(GetType()).Members)
        {
            if (member.Kind == ModuleMembers.Kind.Parameter && member.ValueOf(this) is Parameter p)
            {
                yield return (member.Name, p);
            }
        }
    }

    private IEnumerable<(string Name, Tensor Buffer, bool Persistent)> OwnBuffers()
    {
        foreach (var member in ModuleMembers.Of(GetType()).Members)
        {
            if (member.Kind == ModuleMembers.Kind.Buffer && member.ValueOf(this) is ModuleBuffer b)
            {
                yield return (member.Name, b.Tensor, b.Persistent);
            }
        }
    }

    private IEnumerable<(string Name, Tensor Buffer, bool Persistent)> NamedBufferEntries()
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, buffer, persistent) in module.OwnBuffers())
            {
                if (seen.Add(buffer))
                {
                    yield return (Join(prefix, name), buffer, persistent);
                }
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
