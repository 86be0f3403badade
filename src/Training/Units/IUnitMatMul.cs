namespace ArithLab.Training.Units;

/// <summary>
/// How a unit layer multiplies by its weight: exactly in float64 (<see cref="ExactUnitMatMul"/>, every run without
/// `precision.format`), or under a low-precision recipe (<see cref="RecipeUnitMatMul"/>): the weight quantized onto the
/// recipe's grid, the products L-Mul ones. The layer's own arithmetic around it (clamps, tanh·σ, log, exp, gates,
/// the NMU's product) stays in float64.
/// </summary>
public interface IUnitMatMul
{
    /// <summary>The weight the layer computes with, (Outputs, Inputs): <paramref name="effective"/> itself, or its quantized copy.</summary>
    double[] Weight(double[] effective);

    /// <summary>y (B, O) = x (B, I) · Wᵀ.</summary>
    void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> y, int inputs, int outputs);

    /// <summary>Whether every product is the exact float64 one (the NMU then forms its products inline).</summary>
    bool ExactProducts { get; }

    /// <summary>The NMU's products: products[(b·O + o)·I + i] = W[o, i] · x[b, i].</summary>
    void Products(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> products, int inputs, int outputs);

    /// <summary>The straight-through estimator of the weight's quantizer, in place on dL/dW: zero where the quantizer clipped.</summary>
    void WeightGradient(Span<double> dw);
}
