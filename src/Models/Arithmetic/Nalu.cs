using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Arithmetic;

/// <summary>
/// Neural arithmetic logic unit (Trask et al. 2018, eqs. 2–5): a = W x (the NAC),
/// m = exp(W log(|x| + ε)) (the same NAC in log space, for × and ÷), g = σ(G x),
/// y = g ⊙ a + (1 − g) ⊙ m. State: <c>nac.w_hat</c>, <c>nac.m_hat</c>, <c>g</c> (out, in).
/// </summary>
public sealed class Nalu : Module
{
    private readonly Nac _nac;
    private readonly Parameter _g;

    public Nalu(int inFeatures, int outFeatures, double eps = 1e-7)
    {
        Eps = eps;
        _nac = new Nac(inFeatures, outFeatures);
        _g = new Parameter(Nac.GlorotUniform(outFeatures, inFeatures));
    }

    public double Eps { get; }

    public Nac Nac => _nac;

    public Tensor G => _g.Tensor;

    /// <summary>The gate σ(G x) (…, out): 1 selects the additive path, 0 the multiplicative.</summary>
    public Tensor Gate(Tensor x) => Functional.Linear(x, _g.Tensor, null).Sigmoid();

    /// <summary>x (…, in) → (…, out).</summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var g = Gate(x);
        var a = _nac.Forward(x);
        var m = _nac.Forward((x.Abs() + Eps).Log()).Exp();
        return g * a + (1.0 - g) * m;
    }
}
