using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>A bias-free linear layer y = x Wᵀ, Glorot-uniform (torch.nn.init.xavier_uniform_, as stable-nalu's `linear` layer).</summary>
public sealed class LinearLayer : IUnitLayer
{
    private readonly double[] _w;
    private readonly double[] _grad;

    public LinearLayer(int inputs, int outputs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _w = UnitInit.GlorotUniform(random, outputs, inputs);
        _grad = new double[_w.Length];
        Parameters = [("weight", _w)];
        Gradients = [_grad];
    }

    public UnitKind Kind => UnitKind.Linear;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public double[] EffectiveWeight() => _w;

    public void Forward(ReadOnlySpan<double> x, Span<double> y) => DenseMath.Forward(x, _w, y, Inputs, Outputs);

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        DenseMath.AccumulateWeightGrad(dy, x, _grad, Inputs, Outputs);
        if (!dx.IsEmpty)
        {
            dx.Clear();
            DenseMath.AccumulateInputGrad(dy, _w, dx, Inputs, Outputs);
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
