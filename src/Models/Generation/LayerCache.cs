using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>The keys and values one attention layer has seen so far: (B, nh, T, hs) each.</summary>
public sealed class LayerCache : IDisposable
{
    public Tensor? Keys { get; private set; }

    public Tensor? Values { get; private set; }

    public int Length => Keys is null ? 0 : (int)Keys.Size(2);

    /// <summary>Appends the new keys and values (B, nh, Tnew, hs) and returns the full ones (B, nh, T, hs).</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        var (oldK, oldV) = (Keys, Values);
        // Detached: the cache serves inference; a graph through every past step would only grow.
        Keys = oldK is null ? keys.Detach() : Tensor.Cat(new[] { oldK, keys.Detach() }, 2);
        Values = oldV is null ? values.Detach() : Tensor.Cat(new[] { oldV, values.Detach() }, 2);
        oldK?.Dispose();
        oldV?.Dispose();
        return (Keys, Values);
    }

    /// <summary>Moves the cached tensors out of <paramref name="scope"/> so they outlive it.</summary>
    public void KeepOutOf(DisposeScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Keys is not null) scope.Keep(Keys);
        if (Values is not null) scope.Keep(Values);
    }

    public void Dispose()
    {
        Keys?.Dispose();
        Values?.Dispose();
        Keys = null;
        Values = null;
    }
}
