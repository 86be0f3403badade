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
    private double[] _terms = [];
    private double[] _outputs = [];

    public NmuLayer(int inputs, int outputs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _w = UnitInit.Uniform(random, inputs * outputs, 0.25, 0.75);
        _grad = new double[_w.Length];
        _clamped = new double[_w.Length];
        Parameters = [("w", _w)];
        Gradients = [_grad];
    }

    public UnitKind Kind => UnitKind.Nmu;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

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
        var w = EffectiveWeight();
        if (_terms.Length != batch * Outputs * Inputs)
        {
            _terms = new double[batch * Outputs * Inputs];
            _outputs = new double[batch * Outputs];
        }
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < Outputs; o++)
            {
                double product = 1;
                var t = (b * Outputs + o) * Inputs;
                for (var i = 0; i < Inputs; i++)
                {
                    var term = w[o * Inputs + i] * x[b * Inputs + i] + 1 - w[o * Inputs + i];
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
                    var raw = _w[wi];
                    if (raw is >= 0 and <= 1)
                    {
                        _grad[wi] += g * others[i] * (x[b * Inputs + i] - 1);
                    }
                    if (!dx.IsEmpty)
                    {
                        dx[b * Inputs + i] += g * others[i] * _clamped[wi];
                    }
                }
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
