using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// The NAC's weight W = tanh(Ŵ) ⊙ σ(M̂) (Trask et al. 2018, eq. 1), shared by NAC₊, NAC• and the NALU:
/// raw parameters <c>w_hat</c>, <c>m_hat</c> (Glorot-uniform), and the chain rule from dL/dW to them.
/// </summary>
internal sealed class NacWeight
{
    private readonly double[] _tanh;
    private readonly double[] _sigmoid;

    public NacWeight(int inputs, int outputs, SeededRandom random)
    {
        WHat = UnitInit.GlorotUniform(random, outputs, inputs);
        MHat = UnitInit.GlorotUniform(random, outputs, inputs);
        WHatGrad = new double[WHat.Length];
        MHatGrad = new double[MHat.Length];
        W = new double[WHat.Length];
        WGrad = new double[WHat.Length];
        _tanh = new double[WHat.Length];
        _sigmoid = new double[WHat.Length];
    }

    public double[] WHat { get; }

    public double[] MHat { get; }

    public double[] WHatGrad { get; }

    public double[] MHatGrad { get; }

    /// <summary>W as of the last <see cref="Compute"/>.</summary>
    public double[] W { get; }

    /// <summary>Scratch for dL/dW, cleared by <see cref="Compute"/>, folded into the raw gradients by <see cref="Backward"/>.</summary>
    public double[] WGrad { get; }

    public double[] Compute()
    {
        for (var i = 0; i < W.Length; i++)
        {
            _tanh[i] = Math.Tanh(WHat[i]);
            _sigmoid[i] = 1 / (1 + Math.Exp(-MHat[i]));
            W[i] = _tanh[i] * _sigmoid[i];
        }
        Array.Clear(WGrad);
        return W;
    }

    public void Backward()
    {
        for (var i = 0; i < W.Length; i++)
        {
            WHatGrad[i] += WGrad[i] * (1 - _tanh[i] * _tanh[i]) * _sigmoid[i];
            MHatGrad[i] += WGrad[i] * _tanh[i] * _sigmoid[i] * (1 - _sigmoid[i]);
        }
    }
}
