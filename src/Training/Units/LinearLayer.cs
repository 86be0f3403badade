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
    private double[] _applied = [];
    private double[] _dw = [];

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

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight() => _w;

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        _applied = MatMul.Weight(_w);
        MatMul.Forward(x, _applied, y, Inputs, Outputs);
        for (var i = 0; i < y.Length && _bias.Length > 0; i++)
        {
            y[i] += _bias[i % Outputs];
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        if (ReferenceEquals(_applied, _w))
        {
            DenseMath.AccumulateWeightGrad(dy, x, _grad, Inputs, Outputs);
        }
        else
        {
            // dL/dŴ of the quantized weight, through the straight-through estimator to W.
            if (_dw.Length != _w.Length)
            {
                _dw = new double[_w.Length];
            }
            Array.Clear(_dw);
            DenseMath.AccumulateWeightGrad(dy, x, _dw, Inputs, Outputs);
            MatMul.WeightGradient(_dw);
            DenseMath.Axpy(1, _dw, _grad);
        }
        for (var i = 0; i < dy.Length && _biasGrad.Length > 0; i++)
        {
            _biasGrad[i % Outputs] += dy[i];
        }
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
