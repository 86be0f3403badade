namespace ArithLab.Torch.Safetensors;

/// <summary>The tensors (CPU, owned by this object until taken) and metadata of a safetensors file.</summary>
public sealed class SafetensorsContent : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    internal SafetensorsContent(Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        _tensors = tensors;
        Metadata = metadata;
    }

    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Removes a tensor from this content: the caller now owns it and disposing the content leaves it alive.</summary>
    public Tensor Take(string name)
    {
        if (!_tensors.Remove(name, out var tensor))
        {
            throw new KeyNotFoundException($"no tensor named '{name}'; the file holds: {string.Join(", ", _tensors.Keys.Order(StringComparer.Ordinal))}");
        }
        return tensor;
    }

    /// <summary>Disposes the tensors not taken.</summary>
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Dispose();
        }
        _tensors.Clear();
    }
}
