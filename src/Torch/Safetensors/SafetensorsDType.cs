namespace ArithLab.Torch.Safetensors;

/// <summary>The safetensors names of the dtypes we support.</summary>
public static class SafetensorsDType
{
    public static string Name(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int8 => "I8",
        ScalarType.UInt8 => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "no safetensors dtype for it"),
    };

    public static bool TryParse(string name, out ScalarType dtype)
    {
        ScalarType? found = name switch
        {
            "F32" => ScalarType.Float32,
            "F64" => ScalarType.Float64,
            "F16" => ScalarType.Float16,
            "BF16" => ScalarType.BFloat16,
            "I64" => ScalarType.Int64,
            "I32" => ScalarType.Int32,
            "I8" => ScalarType.Int8,
            "U8" => ScalarType.UInt8,
            "BOOL" => ScalarType.Bool,
            _ => null,
        };
        dtype = found ?? default;
        return found.HasValue;
    }
}
