using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Arithmetic;

/// <summary>
/// Neural addition unit (Madsen &amp; Johansen 2020, eq. 1): z = W x with W used clamped to
/// [−1, 1], initialised U[−r, r] with r = min(0.5, √3·√(2/(in + out))), and pushed to
/// {−1, 0, 1} by the sparsity regulariser λ · mean(min(|W|, 1 − |W|)) (eq. 2).
/// Call <see cref="ClampWeights"/> after each optimiser step. State: <c>w</c> (out, in).
/// </summary>
public sealed class Nau : Module
{
    private readonly Parameter _w;

    public Nau(int inFeatures, int outFeatures)
    {
        var r = Math.Min(0.5, Math.Sqrt(3.0) * Math.Sqrt(2.0 / (inFeatures + outFeatures)));
        _w = new Parameter(Tensor.Rand(outFeatures, inFeatures) * (2 * r) - r);
    }

    public Tensor W => _w.Tensor;

    /// <summary>x (…, in) → (…, out).</summary>
    public Tensor Forward(Tensor x) => Functional.Linear(x, _w.Tensor.Clamp(-1.0, 1.0), null);

    /// <summary>mean over W of min(|W|, |1 − |W||), zero exactly when every weight is −1, 0 or 1 (Madsen &amp; Johansen 2020, eq. 2).</summary>
    public Tensor SparsityRegularizer()
    {
        var abs = _w.Tensor.Abs();
        // |1 − |W|| rather than 1 − |W|: a raw weight beyond ±1 must not earn a negative penalty.
        return Tensor.Minimum(abs, (1.0 - abs).Abs()).Mean();
    }

    /// <summary>Clamps the stored weights into [−1, 1] in place.</summary>
    public void ClampWeights()
    {
        using var noGrad = LibTorch.NoGrad();
        using var scope = DisposeScope.Begin();
        _w.Tensor.CopyFrom_(_w.Tensor.Clamp(-1.0, 1.0));
    }
}
