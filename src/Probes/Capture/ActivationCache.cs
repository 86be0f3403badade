using ArithLab.Torch;

namespace ArithLab.Probes.Capture;

/// <summary>
/// Activations of one forward pass by hook name (TransformerLens' <c>ActivationCache</c>): detached
/// copies, each with the shape its hook point sees — (B, T, C) for the residual stream and
/// <c>mlp.hook_post</c>, (B, nh, T, hs) for <c>attn.hook_q/k/v/z</c>, (B, nh, T, T) for
/// <c>attn.hook_pattern</c> — plus the logits (B, T, V). Disposing it frees every tensor.
/// </summary>
public sealed class ActivationCache : IDisposable
{
    private readonly Dictionary<string, Tensor> _activations;

    internal ActivationCache(Dictionary<string, Tensor> activations, Tensor logits)
    {
        _activations = activations;
        Logits = logits;
    }

    public Tensor Logits { get; }

    /// <summary>The cached hook names, in the order the forward pass reached them.</summary>
    public IReadOnlyCollection<string> Names => _activations.Keys;

    public bool Contains(string name) => _activations.ContainsKey(name);

    /// <summary>The activation at a hook; a name not cached is an error listing the cached ones.</summary>
    public Tensor this[string name] =>
        _activations.TryGetValue(name, out var t)
            ? t
            : throw new KeyNotFoundException($"'{name}' is not in the cache; cached: {string.Join(", ", _activations.Keys)}");

    public void Dispose()
    {
        foreach (var t in _activations.Values)
        {
            t.Dispose();
        }
        _activations.Clear();
        Logits.Dispose();
    }
}
