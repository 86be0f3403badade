using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// KERPLE, logarithmic variant (Chi et al. 2022, "KERPLE: Kernelized Relative Positional Embedding
/// for Length Extrapolation", eq. 9): head h adds b(i, j) = −r1_h · log(1 + r2_h · |i − j|) to the
/// score of query i for key j, with r1, r2 &gt; 0 learned per head. As in the reference
/// (chijames/KERPLE, ParallelKerpleLog) r1 starts U(0, 2), r2 U(0, 1), both are held at ≥ 0.01,
/// and each attention layer has its own pair. State: <c>r1</c> (nh), <c>r2</c> (nh).
/// </summary>
public sealed class Kerple : Module, IScoreBias
{
    // The reference's floor: positivity is kept by clamping rather than by a reparametrisation.
    private const double MinValue = 0.01;

    [StateName("r1")]
    private readonly Parameter _r1;
    [StateName("r2")]
    private readonly Parameter _r2;

    /// <summary>Initial r1 and r2 drawn from libtorch's generator as the reference does.</summary>
    public Kerple(int heads)
        : this(Uniform(heads, 2.0), Uniform(heads, 1.0))
    {
    }

    /// <summary>Given initial values (nh) each; the tensors become the parameters.</summary>
    public Kerple(Tensor r1, Tensor r2)
    {
        ArgumentNullException.ThrowIfNull(r1);
        ArgumentNullException.ThrowIfNull(r2);
        if (r1.Dim != 1 || r2.Dim != 1 || r1.Size(0) != r2.Size(0))
        {
            throw new ArgumentException($"KERPLE needs r1 and r2 of shape (heads), got [{string.Join(", ", r1.Shape)}] and [{string.Join(", ", r2.Shape)}]");
        }
        // Two scalars per head shape the kernel; decaying them would pull every bias towards 0.
        _r1 = new Parameter(r1, noWeightDecay: true);
        _r2 = new Parameter(r2, noWeightDecay: true);
    }

    public Tensor R1 => _r1.Tensor;

    public Tensor R2 => _r2.Tensor;

    /// <summary>The bias (nh, Tq, Tk) for queries at qStart..qStart+Tq−1 and keys at 0..Tk−1, in the weights' dtype.</summary>
    public Tensor Bias(int qStart, int queryLength, int keyLength)
    {
        using var scope = DisposeScope.Begin();
        var w = _r1.Tensor;
        var q = Tensor.Arange(qStart, qStart + queryLength, dtype: w.DType, device: w.Device).Unsqueeze(1); // (Tq, 1)
        var k = Tensor.Arange(0, keyLength, dtype: w.DType, device: w.Device).Unsqueeze(0);                // (1, Tk)
        var distance = (q - k).Abs();                                                                         // (Tq, Tk)
        var r1 = _r1.Tensor.Clamp(min: MinValue).View(-1, 1, 1);                                              // (nh, 1, 1)
        var r2 = _r2.Tensor.Clamp(min: MinValue).View(-1, 1, 1);
        var bias = -(r1 * (r2 * distance + 1.0).Log());                                                       // (nh, Tq, Tk)
        return scope.Keep(bias);
    }

    private static Tensor Uniform(int heads, double scale)
    {
        using var unit = Tensor.Rand(heads);
        return unit * scale;
    }

    Tensor IScoreBias.Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device) => Bias(qStart, queryLength, keyLength);
}
