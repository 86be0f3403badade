using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Arithmetic;

/// <summary>
/// Neural accumulator (Trask et al. 2018, eq. 1): y = W x with W = tanh(Ŵ) ⊙ σ(M̂), which
/// pushes W towards {−1, 0, 1} so the unit adds and subtracts without scaling.
/// State: <c>w_hat</c> (out, in), <c>m_hat</c> (out, in); Glorot-uniform initialised.
/// </summary>
public sealed class Nac : Module
{
    private readonly Parameter _wHat;
    private readonly Parameter _mHat;

    public Nac(int inFeatures, int outFeatures)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        _wHat = new Parameter(GlorotUniform(outFeatures, inFeatures));
        _mHat = new Parameter(GlorotUniform(outFeatures, inFeatures));
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Tensor WHat => _wHat.Tensor;

    public Tensor MHat => _mHat.Tensor;

    /// <summary>W = tanh(Ŵ) ⊙ σ(M̂) (out, in).</summary>
    public Tensor Weight() => _wHat.Tensor.Tanh() * _mHat.Tensor.Sigmoid();

    /// <summary>x (…, in) → (…, out).</summary>
    public Tensor Forward(Tensor x) => Functional.Linear(x, Weight(), null);

    internal static Tensor GlorotUniform(int rows, int cols)
    {
        var r = Math.Sqrt(6.0 / (rows + cols));
        return Tensor.Rand(rows, cols) * (2 * r) - r;
    }
}
