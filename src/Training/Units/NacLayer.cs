using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>NAC₊ (Trask et al. 2018, eq. 1), as src/Models/Arithmetic/Nac.cs: y = x Wᵀ, W = tanh(Ŵ) ⊙ σ(M̂); no regulariser, no clamp.</summary>
public sealed class NacLayer : IUnitLayer
{
    private readonly NacWeight _weight;
    private double[] _applied = [];

    public NacLayer(int inputs, int outputs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _weight = new NacWeight(inputs, outputs, random);
        Parameters = [("w_hat", _weight.WHat), ("m_hat", _weight.MHat)];
        Gradients = [_weight.WHatGrad, _weight.MHatGrad];
    }

    public UnitKind Kind => UnitKind.NacAdd;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight() => _weight.Compute();

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        _applied = MatMul.Weight(_weight.Compute());
        MatMul.Forward(x, _applied, y, Inputs, Outputs);
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        DenseMath.AccumulateWeightGrad(dy, x, _weight.WGrad, Inputs, Outputs);
        MatMul.WeightGradient(_weight.WGrad);
        _weight.Backward();
        if (!dx.IsEmpty)
        {
            dx.Clear();
            DenseMath.AccumulateInputGrad(dy, _applied, dx, Inputs, Outputs);
        }
    }

    public double Regularizer() => 0;

    public void AddRegularizerGradient(double scale)
    {
    }

    public void ClampParameters()
    {
    }
}
