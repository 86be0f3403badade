namespace ArithLab.Training.Units;

/// <summary>The float64 arithmetic of a unit layer without a low-precision recipe: the weight as it is, exact products.</summary>
public sealed class ExactUnitMatMul : IUnitMatMul
{
    private ExactUnitMatMul()
    {
    }

    public static ExactUnitMatMul Instance { get; } = new();

    public bool ExactProducts => true;

    public double[] Weight(double[] effective) => effective;

    public void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> y, int inputs, int outputs) =>
        DenseMath.Forward(x, w, y, inputs, outputs);

    public void Products(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> products, int inputs, int outputs)
    {
        var batch = x.Length / inputs;
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < outputs; o++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    products[(b * outputs + o) * inputs + i] = w[o * inputs + i] * x[b * inputs + i];
                }
            }
        }
    }

    public void WeightGradient(Span<double> dw)
    {
    }
}
