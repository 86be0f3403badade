using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// NMU (Madsen &amp; Johansen 2020, eq. 3), as src/Models/Arithmetic/Nmu.cs: y_j = Π_i (W_ji x_i + 1 − W_ji)
/// with W clamped to [0, 1], init U[0.25, 0.75], R = mean(min(|W|, |1 − W|)).
/// </summary>
public sealed class NmuLayer : IUnitLayer
{
    private readonly double[] _w;
    private readonly double[] _grad;
    private readonly double[] _clamped;
    private readonly double[] _dw;
    private double[] _terms = [];
    private double[] _outputs = [];
    private double[] _products = [];
    private double[] _applied = [];

    public NmuLayer(int inputs, int outputs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _w = UnitInit.Uniform(random, inputs * outputs, 0.25, 0.75);
        _grad = new double[_w.Length];
        _clamped = new double[_w.Length];
        _dw = new double[_w.Length];
        Parameters = [("w", _w)];
        Gradients = [_grad];
    }

    public UnitKind Kind => UnitKind.Nmu;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight()
    {
        for (var i = 0; i < _w.Length; i++)
        {
            _clamped[i] = Math.Clamp(_w[i], 0, 1);
        }
        return _clamped;
    }

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        var batch = y.Length / Outputs;
        var w = _applied = MatMul.Weight(EffectiveWeight());
        if (_terms.Length != batch * Outputs * Inputs)
        {
            _terms = new double[batch * Outputs * Inputs];
            _products = new double[batch * Outputs * Inputs];
            _outputs = new double[batch * Outputs];
        }
        var exact = MatMul.ExactProducts;
        if (!exact)
        {
            MatMul.Products(x, w, _products, Inputs, Outputs);   // L-Mul products W·x; the product Π stays float64
        }
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < Outputs; o++)
            {
                double product = 1;
                var t = (b * Outputs + o) * Inputs;
                for (var i = 0; i < Inputs; i++)
                {
                    var wx = exact ? w[o * Inputs + i] * x[b * Inputs + i] : _products[t + i];
                    var term = wx + 1 - w[o * Inputs + i];
                    _terms[t + i] = term;
                    product *= term;
                }
                y[b * Outputs + o] = product;
                _outputs[b * Outputs + o] = product;
            }
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var batch = dy.Length / Outputs;
        if (!dx.IsEmpty)
        {
            dx.Clear();
        }
        Array.Clear(_dw);
        Span<double> others = Inputs <= 256 ? stackalloc double[Inputs] : new double[Inputs];
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < Outputs; o++)
            {
                var t = (b * Outputs + o) * Inputs;
                // Π_{k≠i} term_k by prefix and suffix products: no division, so a zero term is exact.
                double prefix = 1;
                for (var i = 0; i < Inputs; i++)
                {
                    others[i] = prefix;
                    prefix *= _terms[t + i];
                }
                double suffix = 1;
                for (var i = Inputs - 1; i >= 0; i--)
                {
                    others[i] *= suffix;
                    suffix *= _terms[t + i];
                }
                var g = dy[b * Outputs + o];
                for (var i = 0; i < Inputs; i++)
                {
                    var wi = o * Inputs + i;
                    _dw[wi] += g * others[i] * (x[b * Inputs + i] - 1);
                    if (!dx.IsEmpty)
                    {
                        dx[b * Inputs + i] += g * others[i] * _applied[wi];
                    }
                }
            }
        }
        MatMul.WeightGradient(_dw);
        for (var wi = 0; wi < _w.Length; wi++)
        {
            // clamp passes the gradient where 0 ≤ W ≤ 1 (PyTorch's clamp backward).
            if (_w[wi] is >= 0 and <= 1)
            {
                _grad[wi] += _dw[wi];
            }
        }
    }

    public double Regularizer()
    {
        double sum = 0;
        foreach (var w in _w)
        {
            sum += Math.Min(Math.Abs(w), Math.Abs(1 - w));
        }
        return sum / _w.Length;
    }

    public void AddRegularizerGradient(double scale)
    {
        var s = scale / _w.Length;
        for (var i = 0; i < _w.Length; i++)
        {
            var w = _w[i];
            _grad[i] += s * (Math.Abs(w) < Math.Abs(1 - w) ? Math.Sign(w) : -Math.Sign(1 - w));
        }
    }

    public void ClampParameters()
    {
        for (var i = 0; i < _w.Length; i++)
        {
            _w[i] = Math.Clamp(_w[i], 0, 1);
        }
    }
}
