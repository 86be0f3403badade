namespace ArithLab.Training.Units;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over the network's arrays, with PyTorch's update:
/// p −= lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε). No weight decay, as torch.optim.Adam's default.
/// Under <see cref="UnitPrecision.Float32"/> the moments and the parameters are rounded to float32 as they are stored.
/// </summary>
public sealed class UnitAdam
{
    private readonly IReadOnlyList<double[]> _parameters;
    private readonly IReadOnlyList<double[]> _gradients;

    public UnitAdam(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        UnitPrecision precision = UnitPrecision.Float64)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        _parameters = parameters;
        _gradients = gradients;
        Lr = lr;
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        Precision = precision;
        ExpAvg = parameters.Select(p => new double[p.Length]).ToList();
        ExpAvgSq = parameters.Select(p => new double[p.Length]).ToList();
    }

    public double Lr { get; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    public UnitPrecision Precision { get; }

    /// <summary>Updates taken so far (t).</summary>
    public long Steps { get; set; }

    /// <summary>First moments, one array per parameter.</summary>
    public IReadOnlyList<double[]> ExpAvg { get; }

    /// <summary>Second moments, one array per parameter.</summary>
    public IReadOnlyList<double[]> ExpAvgSq { get; }

    public void Step()
    {
        Steps++;
        var correction1 = 1 - Math.Pow(Beta1, Steps);
        var sqrtCorrection2 = Math.Sqrt(1 - Math.Pow(Beta2, Steps));
        var stepSize = Lr / correction1;
        for (var k = 0; k < _parameters.Count; k++)
        {
            var p = _parameters[k];
            var g = _gradients[k];
            var m = ExpAvg[k];
            var v = ExpAvgSq[k];
            for (var i = 0; i < p.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                p[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) / sqrtCorrection2 + Eps);
            }
            SingleRounding.Apply(Precision, m);
            SingleRounding.Apply(Precision, v);
            SingleRounding.Apply(Precision, p);
        }
    }
}
