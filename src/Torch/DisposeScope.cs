namespace ArithLab.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost open scope and
/// disposes them when it is disposed, except those moved out with <see cref="Keep"/>.
/// <code>
/// using (var scope = DisposeScope.Begin())
/// {
///     var loss = ...;            // intermediates are collected
///     result = scope.Keep(loss); // survives: moves to the enclosing scope, if any
/// }
/// </code>
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? t_current;

    private readonly DisposeScope? _outer;
    private readonly List<Tensor> _tensors = new();
    private bool _disposed;

    private DisposeScope(DisposeScope? outer) => _outer = outer;

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => t_current;

    /// <summary>Opens a scope that becomes the innermost one on this thread.</summary>
    public static DisposeScope Begin()
    {
        var scope = new DisposeScope(t_current);
        t_current = scope;
        return scope;
    }

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => _tensors.Count(t => t.Owner == this && !t.IsDisposed);

    internal void Add(Tensor tensor)
    {
        tensor.Owner = this;
        _tensors.Add(tensor);
    }

    /// <summary>Moves the tensor out of this scope into the enclosing one (or out of all scopes).</summary>
    public Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Owner == this)
        {
            tensor.Owner = null;
            _outer?.Add(tensor);
        }
        return tensor;
    }

    /// <summary>Moves the tensor out of every scope: the caller owns it (state that outlives the step it was made in).</summary>
    public static Tensor Escape(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        while (tensor.Owner is { } scope)
        {
            scope.Keep(tensor);
        }
        return tensor;
    }

    public void Keep(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var t in tensors)
        {
            Keep(t);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var t in _tensors)
        {
            if (t.Owner == this)
            {
                t.Dispose();
            }
        }
        _tensors.Clear();
        // Scopes close in order; if inner ones were left open, this closes past them too.
        for (var s = t_current; s != null; s = s._outer)
        {
            if (s == this)
            {
                t_current = _outer;
                break;
            }
        }
    }
}
