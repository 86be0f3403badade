namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// A quantized tensor seen three ways: its float32 values, each element's code in the format
/// (int32; −1 where the format has no code, as NaN in FP4), and for block formats the scales.
/// Owns its tensors.
/// </summary>
public sealed class Quantized : IDisposable
{
    internal Quantized(Tensor values, Tensor codes, Tensor? scales = null, float tensorScale = 1f)
    {
        Values = values;
        Codes = codes;
        Scales = scales;
        TensorScale = tensorScale;
    }

    /// <summary>The dequantized values, float32, shaped as the input.</summary>
    public Tensor Values { get; }

    /// <summary>Each element's code (int32), shaped as the input.</summary>
    public Tensor Codes { get; }

    /// <summary>
    /// Block formats: each block's scale code (int32), the input's shape with the blocked dimension
    /// cut to the number of blocks. MX: E8M0 (2^(code − 127), 255 = NaN); NVFP4: E4M3.
    /// </summary>
    public Tensor? Scales { get; }

    /// <summary>NVFP4's float32 per-tensor decode scale S = 1 / S_enc (a value is element × block scale × S); 1 otherwise.</summary>
    public float TensorScale { get; }

    public void Dispose()
    {
        Values.Dispose();
        Codes.Dispose();
        Scales?.Dispose();
    }
}
