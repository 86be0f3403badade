using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// FIRE, functional interpolation for relative positions (Li et al. 2023, eq. 3): the score of
/// query i for key j gets b(i, j) = f_θ(ψ(i − j) / ψ(max(i, L))), with ψ(x) = log(|c·x| + 1),
/// f_θ an MLP 1 → width → heads with ReLU, and L = |l_multiplier · init_l| the threshold
/// below which the normaliser stops shrinking ("progressive interpolation" for short inputs).
/// One FIRE per attention layer. State: <c>mlp_in.weight</c> (width, 1), <c>mlp_in.bias</c>,
/// <c>mlp_out.weight</c> (heads, width), <c>mlp_out.bias</c>, <c>c</c> (), <c>l_multiplier</c> (), <c>init_l</c> () (frozen).
/// </summary>
public sealed class Fire : Module, IScoreBias
{
    // The reference adds this to the normaliser so that ψ(max(i, L)) = 0 never divides by zero.
    private const double Eps = 1e-6;

    private readonly Linear _mlpIn;
    private readonly Linear _mlpOut;
    private readonly Parameter _c;
    private readonly Parameter _lMultiplier;
    private readonly Parameter _initL;

    public Fire(int heads, int mlpWidth = 32, double initC = 0.1, double initL = 512.0)
    {
        _mlpIn = new Linear(1, mlpWidth);
        _mlpOut = new Linear(mlpWidth, heads);
        _c = new Parameter(Tensor.Scalar((float)initC));
        _lMultiplier = new Parameter(Tensor.Scalar(1.0f));
        // A frozen parameter, as in the reference, so that it leaves dispose scopes with the module.
        _initL = new Parameter(Tensor.Scalar((float)initL), requiresGrad: false);
    }

    /// <summary>In the weights' dtype and device, whatever the scores': FIRE is a network of its own.</summary>
    Tensor IScoreBias.Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device) => Bias(qStart, queryLength, keyLength);

    /// <summary>The bias (nh, Tq, Tk) for queries at qStart..qStart+Tq−1 and keys at 0..Tk−1.</summary>
    public Tensor Bias(int qStart, int queryLength, int keyLength)
    {
        using var scope = DisposeScope.Begin();
        var w = _mlpIn.Weight;
        var q = Tensor.Arange(qStart, qStart + queryLength, dtype: w.DType, device: w.Device).Unsqueeze(1); // (Tq, 1)
        var k = Tensor.Arange(0, keyLength, dtype: w.DType, device: w.Device).Unsqueeze(0);                // (1, Tk)
        var relative = q - k;                                                                                 // (Tq, Tk)
        var threshold = (_lMultiplier.Tensor * _initL.Tensor).Abs();                                     // ()
        var normaliser = Tensor.Maximum(q, threshold);                                                        // (Tq, 1)
        var psiRelative = ((_c.Tensor * relative).Abs() + 1.0).Log();
        var psiNormaliser = ((_c.Tensor * normaliser).Abs() + 1.0).Log();
        var normalised = psiRelative / (psiNormaliser + Eps);                                                 // (Tq, Tk)
        var hidden = _mlpIn.Forward(normalised.Unsqueeze(-1)).Relu();                                           // (Tq, Tk, width)
        var bias = _mlpOut.Forward(hidden).Permute(2, 0, 1);                                                     // (nh, Tq, Tk)
        return scope.Keep(bias.Contiguous());
    }
}
