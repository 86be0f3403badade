using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Arithmetic;

/// <summary>
/// Neural multiplication unit (Madsen &amp; Johansen 2020, eq. 3): z_j = Π_i (W_ji x_i + 1 − W_ji),
/// so W_ji = 1 multiplies x_i in and W_ji = 0 leaves it out. W is used clamped to [0, 1],
/// initialised U[0.25, 0.75], and pushed to {0, 1} by λ · mean(min(W, 1 − W)) (eq. 4).
/// Call <see cref="ClampWeights"/> after each optimiser step. State: <c>w</c> (out, in).
/// </summary>
public sealed class Nmu : Module
{
    private readonly Parameter _w;

    public Nmu(int inFeatures, int outFeatures)
    {
        _w = new Parameter(Tensor.Rand(outFeatures, inFeatures) * 0.5 + 0.25);
    }

    public Tensor W => _w.Tensor;

    /// <summary>x (N, in) → (N, out).</summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var w = _w.Tensor.Clamp(0.0, 1.0).Unsqueeze(0);                 // (1, out, in)
        var terms = w * x.Unsqueeze(1) - w + 1.0;                         // (N, out, in)
        return terms.Prod(-1);                                            // (N, out)
    }

    /// <summary>mean over W of min(|W|, |1 − W|), zero exactly when every weight is 0 or 1 (Madsen &amp; Johansen 2020, eq. 4).</summary>
    public Tensor SparsityRegularizer()
    {
        var w = _w.Tensor;
        return Tensor.Minimum(w.Abs(), (1.0 - w).Abs()).Mean();
    }

    /// <summary>Clamps the stored weights into [0, 1] in place.</summary>
    public void ClampWeights()
    {
        using var noGrad = LibTorch.NoGrad();
        using var scope = DisposeScope.Begin();
        _w.Tensor.CopyFrom_(_w.Tensor.Clamp(0.0, 1.0));
    }
}
