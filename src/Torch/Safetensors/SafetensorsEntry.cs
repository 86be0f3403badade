namespace ArithLab.Torch.Safetensors;

/// <summary>One tensor of a safetensors header: its bytes are [Begin, End) of the data buffer.</summary>
public sealed record SafetensorsEntry(string Name, ScalarType DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    public long ByteLength => End - Begin;
}
