using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Looped;

/// <summary>
/// Stable input injection after Parcae (Prairie et al. 2026): read the loop as a dynamical
/// system h ← Ā h + B e + R(·) and keep the spectral radius of Ā below one by construction.
/// Ā is diagonal, the zero-order-hold discretisation exp(Δ·A) of A = −exp(log_a) with step
/// Δ = exp(log_dt), so every entry lies in (0, 1) whatever the weights. State: <c>log_a</c> (C),
/// <c>log_dt</c> (1), <c>b</c> (C); initialised to 0, 0 and 0.1 as in the public code.
/// </summary>
public sealed class ParcaeInjection : Module
{
    private readonly Parameter _logA;
    private readonly Parameter _logDt;
    private readonly Parameter _b;

    public ParcaeInjection(int dModel)
    {
        _logA = new Parameter(Tensor.Zeros(dModel));
        _logDt = new Parameter(Tensor.Zeros(1));
        _b = new Parameter(Tensor.Full(new long[] { dModel }, 0.1));
    }

    /// <summary>Ā (C), each entry in (0, 1).</summary>
    public Tensor DecayA()
    {
        // The clamp keeps exp(exp(·)) finite; it only binds far outside any trained range.
        return (-(_logDt.Tensor + _logA.Tensor).Clamp(-20.0, 20.0).Exp()).Exp();
    }

    /// <summary>Ā ⊙ h + B ⊙ e for h, e (B, T, C).</summary>
    public Tensor Forward(Tensor h, Tensor e) => DecayA() * h + _b.Tensor * e;
}
