using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// A linear layer y = x Wᵀ (+ b), W Glorot-uniform (torch.nn.init.xavier_uniform_) and b zero, as stable-nalu's
/// `linear` BasicLayer, which has a bias unless told otherwise (`model.linear_bias`).
/// </summary>
public sealed class LinearLayer : IUnitLayer
{
    private readonly double[] _w;
    private readonly double[] _grad;
    private readonly double[] _bias;
    private readonly double[] _biasGrad;

    public LinearLayer(int inputs, int outputs, SeededRandom random, bool bias = false)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _w = UnitInit.GlorotUniform(random, outputs, inputs);
        _grad = new double[_w.Length];
        _bias = bias ? new double[outputs] : [];
        _biasGrad = new double[_bias.Length];
        Parameters = bias ? [("weight", _w), ("bias", _bias)] : [("weight", _w)];
        Gradients = bias ? [_grad, _biasGrad] : [_grad];
    }

    public UnitKind Kind => UnitKind.Linear;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public double[] EffectiveWeight() => _w;

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        DenseMath.Forward(x, _w, y, Inputs, Outputs);
        for (var i = 0; i < y.Length && _bias.Length > 0; i++)
        {
            y[i] += _bias[i % Outputs];
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        DenseMath.AccumulateWeightGrad(dy, x, _grad, Inputs, Outputs);
        for (var i = 0; i < dy.Length && _biasGrad.Length > 0; i++)
        {
            _biasGrad[i % Outputs] += dy[i];
        }
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
