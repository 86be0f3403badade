namespace ArithLab.Torch.Nn;

/// <summary>
/// y = x Wᵀ + b with W (out, in), as PyTorch's <c>nn.Linear</c>, including its default initialisation.
/// Inside a <see cref="LowPrecision.MatMulPrecision"/> region the recipe in force computes it.
/// </summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        // PyTorch's reset_parameters: kaiming_uniform_(a=√5), which works out to U(−1/√in, 1/√in).
        Weight = new Parameter(Init.KaimingUniform_(Tensor.Zeros([outFeatures, inFeatures], dtype, device), a: Math.Sqrt(5)));
        if (bias)
        {
            var bound = inFeatures > 0 ? 1 / Math.Sqrt(inFeatures) : 0;
            Bias = new Parameter(Init.Uniform_(Tensor.Zeros([outFeatures], dtype, device), -bound, bound), noWeightDecay: true);
        }
    }

    public long InFeatures { get; }

    public long OutFeatures { get; }

    /// <summary>(out, in).</summary>
    public Parameter Weight { get; }

    /// <summary>(out), or null without bias.</summary>
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => LowPrecision.MatMulPrecision.Linear(input, Weight, Bias, this);

    protected override string ExtraRepr() =>
        $"in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")}";
}
