using ArithLab.Torch;

namespace ArithLab.Models.Looped;

/// <summary>
/// Progressive loss with truncated backprop (McLeish et al. 2024, §3.2, after Bansal et al.
/// 2022): L = (1 − α)·L(n = T − K, k = K) + α·L(n ~ U{0..T−1}, k ~ U{1..min(T − n, K)}), where T
/// is MaxRecurrence, K MaxBackprop, n the passes run without gradient and k those with.
/// </summary>
public static class ProgressiveLoss
{
    /// <param name="loss">Maps logits (B, T, V) to a scalar loss (the caller's masking and targets).</param>
    public static Tensor Compute(LoopedTransformer model, Tensor ids, Tensor? positionIds, Func<Tensor, Tensor> loss, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(random);
        var config = model.Config;
        var (maxSteps, maxBackprop, alpha) = (config.MaxRecurrence, config.EffectiveMaxBackprop, config.Alpha);
        Tensor? total = null;
        if (alpha != 1.0)
        {
            var maxIters = loss(model.Forward(ids, positionIds, Math.Max(maxSteps - maxBackprop, 0), Math.Min(maxBackprop, maxSteps)));
            total = maxIters * (1.0 - alpha);
        }
        if (alpha != 0.0)
        {
            var (n, k) = SampleSteps(maxSteps, maxBackprop, random);
            var progressive = loss(model.Forward(ids, positionIds, n, k)) * alpha;
            total = total is null ? progressive : total + progressive;
        }
        return total!;
    }

    /// <summary>n ~ U{0..T−1} passes without gradient, then k ~ U{1..min(T − n, K)} with.</summary>
    public static (int NoGrad, int WithGrad) SampleSteps(int maxSteps, int maxBackprop, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = random.Next(0, maxSteps);
        var k = random.Next(1, 1 + Math.Min(maxSteps - n, maxBackprop));
        return (n, k);
    }
}
