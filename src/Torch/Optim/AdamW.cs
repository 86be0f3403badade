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

    public override unsafe void Step()
    {
        ThrowIfDisposed();
        var index = 0;
        foreach (var group in ParamGroups)
        {
            var count = group.Params.Count;
            var parameters = new IntPtr[count];
            var expAvgs = new IntPtr[count];
            var expAvgSqs = new IntPtr[count];
            var steps = new IntPtr[count];
            var held = new Tensor?[count * 3];
            for (var k = 0; k < count; k++)
            {
                var p = group.Params[k];
                EnsureState(index + k, p);
                parameters[k] = p.Handle.DangerousGetHandle();
                // A parameter that never had a gradient has no state yet; the native step skips it.
                var m = GetState(index + k, "exp_avg");
                var v = GetState(index + k, "exp_avg_sq");
                var t = GetState(index + k, StepStateName);
                held[3 * k] = m;
                held[3 * k + 1] = v;
                held[3 * k + 2] = t;
                expAvgs[k] = m is null ? IntPtr.Zero : m.Handle.DangerousGetHandle();
                expAvgSqs[k] = v is null ? IntPtr.Zero : v.Handle.DangerousGetHandle();
                steps[k] = t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle();
            }
            fixed (IntPtr* pp = parameters, pm = expAvgs, pv = expAvgSqs, pt = steps)
            {
                Status.Check(NativeMethods.al_adamw_step(pp, pm, pv, pt, count, group.LearningRate, Beta1, Beta2, Eps, group.WeightDecay));
            }
            GC.KeepAlive(group);
            GC.KeepAlive(held);
            index += count;
        }
    }

    // State is made on the first step that sees a gradient, as in PyTorch.
    private void EnsureState(int index, Tensor parameter)
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
