using ArithLab.Models;
using ArithLab.Models.Hooks;
using ArithLab.Torch;

namespace ArithLab.Probes.Capture;

/// <summary>
/// TransformerLens' <c>run_with_cache</c>: one forward pass without gradients that copies the
/// activations of the hooks a filter selects. Hooks are attached for the pass alone and removed
/// in <c>finally</c>, so the model is left as it was.
/// </summary>
public static class ActivationCapture
{
    /// <summary>
    /// ids (B, T) and optional position ids (B, T) → the logits and the activations of every hook point
    /// whose name passes <paramref name="filter"/> (all of them when null).
    /// </summary>
    public static ActivationCache RunWithCache(this Transformer model, Tensor ids, Tensor? positions = null, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        var cached = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var removals = new List<IDisposable>();
        try
        {
            foreach (var point in model.Hooks.Points.Where(p => filter is null || filter(p.Name)))
            {
                removals.Add(point.AddHook((activation, p) =>
                {
                    cached[p.Name] = activation.Detach().Clone();
                    return null;
                }));
            }
            using var noGrad = LibTorch.NoGrad();
            var logits = model.Logits(ids, positions);
            return new ActivationCache(cached, logits);
        }
        catch
        {
            foreach (var t in cached.Values)
            {
                t.Dispose();
            }
            throw;
        }
        finally
        {
            foreach (var r in removals)
            {
                r.Dispose();
            }
        }
    }

    /// <summary>
    /// The same, caching exactly the named hooks; an unknown name is an error naming the closest hook
    /// points (see <see cref="HookRegistry"/>).
    /// </summary>
    public static ActivationCache RunWithCache(this Transformer model, Tensor ids, Tensor? positions, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Select(n => model.Hooks[n].Name).ToHashSet(StringComparer.Ordinal);
        return model.RunWithCache(ids, positions, wanted.Contains);
    }
}
