using ArithLab.Torch.Native;

namespace ArithLab.Torch.Optim;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), step for step as
/// torch.optim.AdamW without amsgrad: the weights shrink by lr·weight_decay, then move by
/// lr/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε).
/// State per parameter: <c>exp_avg</c>, <c>exp_avg_sq</c> and <c>step</c>.
/// </summary>
public sealed class AdamW : Optimizer
{
    private static readonly string[] s_stateNames = { "exp_avg", "exp_avg_sq", StepStateName };

    public AdamW(IEnumerable<ParamGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(groups, learningRate, weightDecay)
    {
        if (beta1 is < 0 or >= 1 || double.IsNaN(beta1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must lie in [0, 1)");
        }
        if (beta2 is < 0 or >= 1 || double.IsNaN(beta2))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must lie in [0, 1)");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
    }

    /// <summary>One group holding <paramref name="parameters"/>.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : this(new[] { new ParamGroup(parameters) }, learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    protected override IReadOnlyList<string> StateNames => s_stateNames;

    private protected override unsafe void StepGroup(ParamGroup group, int firstIndex, IntPtr[] parameters, IntPtr[][] state)
    {
        fixed (IntPtr* pp = parameters, pm = state[0], pv = state[1], pt = state[2])
        {
            Status.Check(NativeMethods.al_adamw_step(pp, pm, pv, pt, parameters.Length, group.LearningRate, Beta1, Beta2, Eps, group.WeightDecay));
        }
    }

    // State is made on the first step that sees a gradient, as in PyTorch; a parameter that
    // never had a gradient has none, and the native step skips it.
    private protected override void PrepareState(int index, Tensor parameter)
    {
        if (GetState(index, StepStateName) is not null)
        {
            return;
        }
        using (var grad = parameter.Grad)
        {
            if (grad is null)
            {
                return;
            }
        }
        var shape = parameter.Shape;
        SetState(index, "exp_avg", Tensor.Zeros(shape, parameter.DType, parameter.Device));
        SetState(index, "exp_avg_sq", Tensor.Zeros(shape, parameter.DType, parameter.Device));
        SetState(index, StepStateName, Tensor.Scalar(0L));
    }
}
