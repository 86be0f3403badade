using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>
/// Keys and values of every layer for incremental decoding. The positions of new tokens
/// continue from <see cref="Length"/>: RoPE rotates, ALiBi / Hard-ALiBi / FIRE bias and the
/// causal mask all use absolute positions, so a cached step computes what a full pass would.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly LayerCache[] _layers;

    public KvCache(int layers)
    {
        _layers = Enumerable.Range(0, layers).Select(_ => new LayerCache()).ToArray();
    }

    public int Layers => _layers.Length;

    public LayerCache this[int layer] => _layers[layer];

    /// <summary>Tokens already in the cache.</summary>
    public int Length => _layers[0].Length;

    public void KeepOutOf(DisposeScope scope)
    {
        foreach (var l in _layers)
        {
            l.KeepOutOf(scope);
        }
    }

    public void Dispose()
    {
        foreach (var l in _layers)
        {
            l.Dispose();
        }
    }
}
