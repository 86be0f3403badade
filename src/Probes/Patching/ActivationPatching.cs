using ArithLab.Models;
using ArithLab.Probes.Capture;
using ArithLab.Torch;

namespace ArithLab.Probes.Patching;

/// <summary>
/// Activation patching (Meng et al. 2022; Heimersheim &amp; Nanda 2024, "How to use and interpret
/// activation patching"): run the corrupted problems, replace one hook's activation at one token
/// position by the clean run's, and measure how much of the clean logit difference comes back.
/// One cell per hook (rows, e.g. blocks.i.hook_resid_pre for each layer) × position (columns).
/// </summary>
public static class ActivationPatching
{
    public sealed record Table(IReadOnlyList<string> Hooks, int Positions, double[,] Recovered, double CleanDifference, double CorruptedDifference);

    /// <summary>
    /// Clean and corrupted ids (B, T) must align token by token (same length, same layout), as in the
    /// usual setup where only operand digits differ. <paramref name="progress"/> is told each finished hook.
    /// </summary>
    public static Table Run(Transformer model, Tensor cleanIds, Tensor corruptedIds, Tensor? positions, IReadOnlyList<string> hooks, LogitDifference metric, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cleanIds);
        ArgumentNullException.ThrowIfNull(corruptedIds);
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(metric);
        if (!cleanIds.Shape.SequenceEqual(corruptedIds.Shape))
        {
            throw new ArgumentException($"clean [{string.Join(", ", cleanIds.Shape)}] and corrupted [{string.Join(", ", corruptedIds.Shape)}] ids must have one shape");
        }
        var T = (int)cleanIds.Size(1);
        using var clean = model.RunWithCache(cleanIds, positions, hooks);
        var cleanDifference = metric.Of(clean.Logits);
        double corruptedDifference;
        using (LibTorch.NoGrad())
        using (var logits = model.Logits(corruptedIds, positions))
        {
            corruptedDifference = metric.Of(logits);
        }
        var recovered = new double[hooks.Count, T];
        for (var h = 0; h < hooks.Count; h++)
        {
            for (var t = 0; t < T; t++)
            {
                var patched = Patched(model, corruptedIds, positions, hooks[h], clean[hooks[h]], t, metric);
                recovered[h, t] = LogitDifference.Normalised(patched, cleanDifference, corruptedDifference);
            }
            progress?.Invoke(h + 1, hooks.Count);
        }
        return new Table(hooks, T, recovered, cleanDifference, corruptedDifference);
    }

    /// <summary>The metric of the corrupted run with <paramref name="hook"/>'s activation at token <paramref name="position"/> taken from <paramref name="source"/>.</summary>
    public static double Patched(Transformer model, Tensor ids, Tensor? positions, string hook, Tensor source, int position, LogitDifference metric)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metric);
        // Per-head hooks are (B, nh, T, …); the residual stream and the MLP are (B, T, …).
        var timeDim = hook.Contains(".attn.hook_", StringComparison.Ordinal) ? 2 : 1;
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        using var patch = model.Hooks[hook].AddHook((activation, _) =>
        {
            var replaced = activation.Clone();
            replaced.Narrow(timeDim, position, 1).CopyFrom_(source.Narrow(timeDim, position, 1));
            return replaced;
        });
        return metric.Of(model.Logits(ids, positions));
    }

    /// <summary>The metric of a run with <paramref name="hook"/>'s activation at each row's <paramref name="rowPositions"/> token replaced by <paramref name="replacement"/> (B, C).</summary>
    public static double WithRows(Transformer model, Tensor ids, Tensor? positions, string hook, IReadOnlyList<int> rowPositions, Tensor replacement, LogitDifference metric)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rowPositions);
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(metric);
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        using var patch = model.Hooks[hook].AddHook((activation, _) =>
        {
            var replaced = activation.Clone();
            for (var b = 0; b < rowPositions.Count; b++)
            {
                replaced.Select(0, b).Select(0, rowPositions[b]).CopyFrom_(replacement.Select(0, b).To(activation.DType));
            }
            return replaced;
        });
        return metric.Of(model.Logits(ids, positions));
    }
}
