namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// A format by name, as configs and the command line give it: an element format (e4m3, e5m2,
/// e3m2, e2m3, e2m1/fp4, bf16, fp16, int8, any eXmY), an OCP MX block format (mxfp8, mxfp8-e5m2,
/// mxfp6, mxfp6-e2m3, mxfp4, mxint8) or nvfp4. Exactly one of <see cref="Element"/>,
/// <see cref="Mx"/> and <see cref="IsNvfp4"/> is set.
/// </summary>
public sealed record QuantFormat
{
    public const string Known = "e4m3, e5m2, e3m2, e2m3, e2m1 (fp4), bf16, fp16, int8, any eXmY; mxfp8, mxfp8-e5m2, mxfp6, mxfp6-e2m3, mxfp4, mxint8; nvfp4";

    private QuantFormat(NumberFormat? element, MxFormat? mx, bool nvfp4)
    {
        Element = element;
        Mx = mx;
        IsNvfp4 = nvfp4;
    }

    public NumberFormat? Element { get; }

    public MxFormat? Mx { get; }

    public bool IsNvfp4 { get; }

    /// <summary>Whether one scale covers the whole tensor (an element format), rather than one per block.</summary>
    public bool IsPerTensor => Element is not null;

    /// <summary>The format each value is rounded onto (the element format of a block format).</summary>
    public NumberFormat ElementFormat => Element ?? Mx?.Element ?? Nvfp4Quantizer.Element;

    public string Name => Element?.Name ?? Mx?.Name ?? "nvfp4";

    public static QuantFormat Of(NumberFormat element) => new(element ?? throw new ArgumentNullException(nameof(element)), null, false);

    public static QuantFormat Of(MxFormat mx) => new(null, mx ?? throw new ArgumentNullException(nameof(mx)), false);

    public static QuantFormat Nvfp4 { get; } = new(null, null, true);

    /// <summary>The format named; <see cref="ArgumentException"/> (with the known names) for an unknown or out-of-range one.</summary>
    public static QuantFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        if (key == "nvfp4")
        {
            return Nvfp4;
        }
        if (key.StartsWith("mx", StringComparison.Ordinal))
        {
            return Of(MxFormat.Parse(key));
        }
        try
        {
            return Of(NumberFormat.Parse(key));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"format '{name}': {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"unknown format '{name}'; known: {Known}", e);
        }
    }

    /// <summary>
    /// The quantizer of a tensor that enters a matmul along reduction dimension <paramref name="dim"/>:
    /// blocks run along it; an element format gets <paramref name="perTensor"/>'s scaling.
    /// </summary>
    public QuantSpec Spec(int dim, QuantSpec perTensor)
    {
        ArgumentNullException.ThrowIfNull(perTensor);
        return Mx is { } mx ? QuantSpec.Blocks(mx, dim)
            : IsNvfp4 ? QuantSpec.Nvfp4(dim)
            : perTensor;
    }

    public override string ToString() => Name;
}
