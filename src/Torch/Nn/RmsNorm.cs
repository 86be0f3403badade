namespace ArithLab.Torch.Nn;

/// <summary>
/// RMS normalization over the last dimension (Zhang &amp; Sennrich 2019), as PyTorch's
/// <c>nn.RMSNorm</c>: weight 1; a null eps is the dtype's machine epsilon.
/// </summary>
public sealed class RmsNorm : Module<Tensor, Tensor>
{
    public RmsNorm(long normalizedShape, double? eps = null, bool elementwiseAffine = true,
                   ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normalizedShape);
        NormalizedShape = normalizedShape;
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = new Parameter(Init.Ones_(Tensor.Zeros([normalizedShape], dtype, device)), noWeightDecay: true);
        }
    }

    public long NormalizedShape { get; }

    public double? Eps { get; }

    public Parameter? Weight { get; }

    public override Tensor Forward(Tensor input) => Functional.RmsNorm(input, Weight, Eps);

    protected override string ExtraRepr() =>
        FormattableString.Invariant($"({NormalizedShape},), eps={(Eps is { } e ? e.ToString("0.#####e+00", System.Globalization.CultureInfo.InvariantCulture) : "None")}, elementwise_affine={(Weight is null ? "False" : "True")}");
}
