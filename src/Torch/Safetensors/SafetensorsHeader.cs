namespace ArithLab.Torch.Safetensors;

/// <summary>The validated header of a safetensors file.</summary>
/// <param name="Entries">The tensors in data order.</param>
/// <param name="Metadata">The <c>__metadata__</c> strings (empty when absent).</param>
/// <param name="DataStart">The file offset of the data buffer (8 + header length).</param>
public sealed record SafetensorsHeader(IReadOnlyList<SafetensorsEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart);
