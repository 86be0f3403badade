using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// NALU (Trask et al. 2018, eqs. 2–5), as src/Models/Arithmetic/Nalu.cs: a = x Wᵀ, m = exp(log(|x| + ε) Wᵀ)
/// with one shared NAC weight W, g = σ(x Gᵀ), y = g ⊙ a + (1 − g) ⊙ m. No regulariser, no clamp.
/// </summary>
public sealed class NaluLayer : IUnitLayer
{
    private readonly NacWeight _weight;
    private readonly double[] _g;
    private readonly double[] _gGrad;
    private readonly double _eps;
    private double[] _log = [];
    private double[] _applied = [];
    private double[] _gate = [];
    private double[] _a = [];
    private double[] _m = [];
    private double[] _da = [];
    private double[] _dz = [];
    private double[] _dgPre = [];
    private double[] _dl = [];

    public NaluLayer(int inputs, int outputs, SeededRandom random, double eps = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _eps = eps;
        _weight = new NacWeight(inputs, outputs, random);
        _g = UnitInit.GlorotUniform(random, outputs, inputs);
        _gGrad = new double[_g.Length];
        Parameters = [("nac.w_hat", _weight.WHat), ("nac.m_hat", _weight.MHat), ("g", _g)];
        Gradients = [_weight.WHatGrad, _weight.MHatGrad, _gGrad];
    }

    public UnitKind Kind => UnitKind.Nalu;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight() => _weight.Compute();

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_log.Length != x.Length || _a.Length != y.Length)
        {
            _log = new double[x.Length];
            _dl = new double[x.Length];
            _gate = new double[y.Length];
            _a = new double[y.Length];
            _m = new double[y.Length];
            _da = new double[y.Length];
            _dz = new double[y.Length];
            _dgPre = new double[y.Length];
        }
        var w = _applied = MatMul.Weight(_weight.Compute());
        LogSpace.Fill(x, _log, _eps);
        MatMul.Forward(x, w, _a, Inputs, Outputs);
        MatMul.Forward(_log, w, _m, Inputs, Outputs);
        // The gate σ(x Gᵀ) stays exact under every recipe, as gates stay out of the formats (docs/units.md).
        DenseMath.Forward(x, _g, _gate, Inputs, Outputs);
        for (var i = 0; i < y.Length; i++)
        {
            _gate[i] = 1 / (1 + Math.Exp(-_gate[i]));
            _m[i] = Math.Exp(_m[i]);
            y[i] = _gate[i] * _a[i] + (1 - _gate[i]) * _m[i];
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        for (var i = 0; i < dy.Length; i++)
        {
            var g = _gate[i];
            _da[i] = dy[i] * g;
            _dz[i] = dy[i] * (1 - g) * _m[i];          // through m = exp(z)
            _dgPre[i] = dy[i] * (_a[i] - _m[i]) * g * (1 - g);
        }
        DenseMath.AccumulateWeightGrad(_da, x, _weight.WGrad, Inputs, Outputs);
        DenseMath.AccumulateWeightGrad(_dz, _log, _weight.WGrad, Inputs, Outputs);
        MatMul.WeightGradient(_weight.WGrad);
        _weight.Backward();
        DenseMath.AccumulateWeightGrad(_dgPre, x, _gGrad, Inputs, Outputs);
        if (!dx.IsEmpty)
        {
            dx.Clear();
            DenseMath.AccumulateInputGrad(_da, _applied, dx, Inputs, Outputs);
            DenseMath.AccumulateInputGrad(_dgPre, _g, dx, Inputs, Outputs);
            Array.Clear(_dl);
            DenseMath.AccumulateInputGrad(_dz, _applied, _dl, Inputs, Outputs);
            LogSpace.AddInputGrad(x, _dl, dx, _eps);
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
