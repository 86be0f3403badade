using ArithLab.Torch.Native;

namespace ArithLab.Torch.Optim;

/// <summary>
/// Stochastic gradient descent as torch.optim.SGD: g ← ∇ + weight_decay·θ (L2, coupled);
/// with momentum μ, b ← μ·b + (1 − dampening)·g (b = g on the first step) and g ← b, or
/// g ← g + μ·b for Nesterov; then θ ← θ − lr·g.
/// State per parameter: <c>momentum_buffer</c> (only when momentum is nonzero).
/// </summary>
public sealed class Sgd : Optimizer
{
    private const string BufferName = "momentum_buffer";
    private static readonly string[] s_stateNames = { BufferName };

    public Sgd(IEnumerable<ParamGroup> groups, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : base(groups, learningRate, weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
        }
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
    }

    /// <summary>One group holding <paramref name="parameters"/>.</summary>
    public Sgd(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : this(new[] { new ParamGroup(parameters) }, learningRate, momentum, dampening, weightDecay, nesterov)
    {
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public bool Nesterov { get; }

    protected override IReadOnlyList<string> StateNames => s_stateNames;

    private protected override unsafe void StepGroup(ParamGroup group, int firstIndex, IntPtr[] parameters, IntPtr[][] state)
    {
        var count = parameters.Length;
        var buffers = state[0];
        int status;
        fixed (IntPtr* pp = parameters, pb = buffers)
        {
            status = NativeMethods.al_sgd_step(pp, pb, count, group.LearningRate, Momentum, Dampening, group.WeightDecay, Nesterov ? 1 : 0);
        }
        // Buffers made by the first step are new handles we own, even if a later one failed.
        for (var k = 0; k < count; k++)
        {
            if (buffers[k] != IntPtr.Zero && GetState(firstIndex + k, BufferName) is null)
            {
                SetState(firstIndex + k, BufferName, new Tensor(buffers[k]));
            }
        }
        Status.Check(status);
    }
}
