using ArithLab.Models;
using ArithLab.Torch;

namespace ArithLab.Probes.Capture;

/// <summary>
/// The logit lens (nostalgebraist 2020): the residual stream after each block read through the final
/// norm and the unembedding, as if the model stopped there. Reports, per layer, the share of target
/// tokens that would already be the top prediction.
/// </summary>
public static class LogitLens
{
    /// <summary>Hook names of the residual stream after each block, in order.</summary>
    public static IReadOnlyList<string> Hooks(Transformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Enumerable.Range(0, model.Config.Layers).Select(i => $"blocks.{i}.hook_resid_post").ToArray();
    }

    /// <param name="targets">(batch row, column whose logits predict it, the token) triples.</param>
    public static double[] Accuracy(Transformer model, ActivationCache cache, IReadOnlyList<(int Row, int Column, int Token)> targets)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(targets);
        using var noGrad = LibTorch.NoGrad();
        return Hooks(model).Select(hook =>
        {
            using var scope = DisposeScope.Begin();
            var predicted = model.Unembed(model.FinalNorm(cache[hook])).ArgMax(-1).Contiguous();   // (B, T)
            var width = (int)predicted.Size(1);
            var ids = predicted.ToArray<long>();
            return targets.Count == 0 ? double.NaN : targets.Average(t => ids[t.Row * width + t.Column] == t.Token ? 1.0 : 0.0);
        }).ToArray();
    }
}
