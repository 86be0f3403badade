using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// NAC• (Trask et al. 2018, the NALU's multiplicative path on its own): y = exp(log(|x| + ε) Wᵀ) with
/// the NAC's W = tanh(Ŵ) ⊙ σ(M̂), ε = 1e-7 as src/Models/Arithmetic/Nalu.cs. No regulariser, no clamp.
/// </summary>
public sealed class NacMulLayer : IUnitLayer
{
    private readonly NacWeight _weight;
    private readonly double _eps;
    private double[] _log = [];
    private double[] _applied = [];
    private double[] _y = [];
    private double[] _dz = [];
    private double[] _dl = [];

    public NacMulLayer(int inputs, int outputs, SeededRandom random, double eps = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        _eps = eps;
        _weight = new NacWeight(inputs, outputs, random);
        Parameters = [("w_hat", _weight.WHat), ("m_hat", _weight.MHat)];
        Gradients = [_weight.WHatGrad, _weight.MHatGrad];
    }

    public UnitKind Kind => UnitKind.NacMul;

    public int Inputs { get; }

    public int Outputs { get; }

    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    public IUnitMatMul MatMul { get; set; } = ExactUnitMatMul.Instance;

    public double[] EffectiveWeight() => _weight.Compute();

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_log.Length != x.Length || _y.Length != y.Length)
        {
            _log = new double[x.Length];
            _dl = new double[x.Length];
            _y = new double[y.Length];
            _dz = new double[y.Length];
        }
        LogSpace.Fill(x, _log, _eps);
        _applied = MatMul.Weight(_weight.Compute());
        MatMul.Forward(_log, _applied, y, Inputs, Outputs);
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Math.Exp(y[i]);
            _y[i] = y[i];
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        for (var i = 0; i < dy.Length; i++)
        {
            _dz[i] = dy[i] * _y[i];
        }
        DenseMath.AccumulateWeightGrad(_dz, _log, _weight.WGrad, Inputs, Outputs);
        MatMul.WeightGradient(_weight.WGrad);
        _weight.Backward();
        if (!dx.IsEmpty)
        {
            Array.Clear(_dl);
            DenseMath.AccumulateInputGrad(_dz, _applied, _dl, Inputs, Outputs);
            dx.Clear();
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
