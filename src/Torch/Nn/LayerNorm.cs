namespace ArithLab.Torch.Nn;

/// <summary>Layer normalization over the last dimension (Ba et al. 2016), as PyTorch's <c>nn.LayerNorm</c>: weight 1, bias 0.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    public LayerNorm(long normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, bool bias = true,
                     ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normalizedShape);
        NormalizedShape = normalizedShape;
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = new Parameter(Init.Ones_(Tensor.Zeros([normalizedShape], dtype, device)), noWeightDecay: true);
            if (bias)
            {
                Bias = new Parameter(Tensor.Zeros([normalizedShape], dtype, device), noWeightDecay: true);
            }
        }
    }

    public long NormalizedShape { get; }

    public double Eps { get; }

    public Parameter? Weight { get; }

    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, [NormalizedShape], Weight, Bias, Eps);

    protected override string ExtraRepr() =>
        FormattableString.Invariant($"({NormalizedShape},), eps={Eps:0.#####e+00}, elementwise_affine={(Weight is null ? "False" : "True")}");
}
