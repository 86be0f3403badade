namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// An OCP Microscaling format (OCP MX spec v1.0): blocks of <see cref="BlockSize"/> elements of
/// <see cref="Element"/> sharing one E8M0 scale 2^(floor(log2 amax) − emax_elem).
/// </summary>
/// <param name="Name">A display name, e.g. "mxfp4".</param>
/// <param name="Element">The element format; it saturates on overflow.</param>
/// <param name="BlockSize">Elements per block along the blocked dimension (32 in the spec).</param>
public sealed record MxFormat(string Name, NumberFormat Element, int BlockSize = MxFormat.SpecBlockSize)
{
    /// <summary>The block size of OCP MX v1.0's concrete formats.</summary>
    public const int SpecBlockSize = 32;

    public static MxFormat Mxfp8E4M3 { get; } = new("mxfp8-e4m3", NumberFormat.E4M3.With(Overflow.Saturate));
    public static MxFormat Mxfp8E5M2 { get; } = new("mxfp8-e5m2", NumberFormat.E5M2.With(Overflow.Saturate));
    public static MxFormat Mxfp6E3M2 { get; } = new("mxfp6-e3m2", NumberFormat.E3M2);
    public static MxFormat Mxfp6E2M3 { get; } = new("mxfp6-e2m3", NumberFormat.E2M3);
    public static MxFormat Mxfp4 { get; } = new("mxfp4", NumberFormat.E2M1);
    public static MxFormat Mxint8 { get; } = new("mxint8", NumberFormat.Int8);

    public static IReadOnlyList<MxFormat> Presets { get; } = [Mxfp8E4M3, Mxfp8E5M2, Mxfp6E3M2, Mxfp6E2M3, Mxfp4, Mxint8];

    /// <summary>emax_elem of the spec: the exponent of the element format's largest binade.</summary>
    public int ElementMaxExponent => Element.MaxExponent;

    /// <summary>This format with another block size.</summary>
    public MxFormat WithBlockSize(int blockSize) => this with { BlockSize = blockSize };

    /// <summary>A preset by name: mxfp8 (= mxfp8-e4m3), mxfp8-e4m3, mxfp8-e5m2, mxfp6 (= mxfp6-e3m2), mxfp6-e3m2, mxfp6-e2m3, mxfp4, mxint8.</summary>
    public static MxFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        return key switch
        {
            "mxfp8" => Mxfp8E4M3,
            "mxfp6" => Mxfp6E3M2,
            _ => Presets.FirstOrDefault(p => p.Name == key)
                ?? throw new ArgumentException($"unknown MX format '{name}'; known: mxfp8, mxfp6, {string.Join(", ", Presets.Select(p => p.Name))}"),
        };
    }

    /// <summary>The value of an E8M0 scale code: 2^(code − 127); code 255 is NaN.</summary>
    public static double ScaleValue(int e8m0Code) => e8m0Code switch
    {
        < 0 or > 255 => throw new ArgumentOutOfRangeException(nameof(e8m0Code), e8m0Code, "an E8M0 code is one byte"),
        255 => double.NaN,
        _ => Math.ScaleB(1.0, e8m0Code - 127),
    };

    public override string ToString() => Name;
}
