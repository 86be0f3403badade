using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// NAU (Madsen &amp; Johansen 2020, eq. 1), as src/Models/Arithmetic/Nau.cs: y = x clamp(W, −1, 1)ᵀ,
/// init U[−r, r] with r = min(0.5, √3·√(2/(in + out))), R = mean(min(|W|, |1 − |W||)).
/// </summary>
public sealed class NauLayer : IUnitLayer
{
    private readonly double[] _w;
    private readonly double[] _grad;
    private readonly double[] _clamped;
    private readonly double[] _dw;
    private double[] _applied = [];

    public NauLayer(int inputs, int outputs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        var r = Math.Min(0.5, Math.Sqrt(3.0) * Math.Sqrt(2.0 / (inputs + outputs)));
        _w = UnitInit.Uniform(random, inputs * outputs, -r, r);
        _grad = new double[_w.Length];
        _clamped = new double[_w.Length];
        _dw = new double[_w.Length];
        Parameters = [("w", _w)];
        Gradients = [_grad];
    }

    public UnitKind Kind => UnitKind.Nau;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight()
    {
        for (var i = 0; i < _w.Length; i++)
        {
            _clamped[i] = Math.Clamp(_w[i], -1, 1);
        }
        return _clamped;
    }

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        _applied = MatMul.Weight(EffectiveWeight());
        MatMul.Forward(x, _applied, y, Inputs, Outputs);
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var dw = _dw;
        Array.Clear(dw);
        DenseMath.AccumulateWeightGrad(dy, x, dw, Inputs, Outputs);
        MatMul.WeightGradient(dw);
        for (var i = 0; i < _w.Length; i++)
        {
            // clamp passes the gradient where −1 ≤ W ≤ 1 (PyTorch's clamp backward).
            if (_w[i] is >= -1 and <= 1)
            {
                _grad[i] += dw[i];
            }
        }
        if (!dx.IsEmpty)
        {
            dx.Clear();
            DenseMath.AccumulateInputGrad(dy, _applied, dx, Inputs, Outputs);
        }
    }

    public double Regularizer()
    {
        double sum = 0;
        foreach (var w in _w)
        {
            var a = Math.Abs(w);
            sum += Math.Min(a, Math.Abs(1 - a));
        }
        return sum / _w.Length;
    }

    public void AddRegularizerGradient(double scale)
    {
        var s = scale / _w.Length;
        for (var i = 0; i < _w.Length; i++)
        {
            var a = Math.Abs(_w[i]);
            var sign = Math.Sign(_w[i]);
            // d/dw min(|w|, |1 − |w||): sign(w) on the first branch, −sign(1 − |w|)·sign(w) on the second.
            _grad[i] += s * (a < Math.Abs(1 - a) ? sign : -Math.Sign(1 - a) * sign);
        }
    }

    public void ClampParameters()
    {
        for (var i = 0; i < _w.Length; i++)
        {
            _w[i] = Math.Clamp(_w[i], -1, 1);
        }
    }
}
