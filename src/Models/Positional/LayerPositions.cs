using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// The positional parts one attention layer owns: a score bias with weights of its own per layer
/// (FIRE, KERPLE). Held by <see cref="Attention"/> with <see cref="InlineChildrenAttribute"/>, so the
/// weights are named <c>blocks.{i}.attn.fire.*</c>, <c>blocks.{i}.attn.kerple.*</c>.
/// </summary>
public sealed class LayerPositions : Module
{
    [NotState]
    private readonly List<(string Name, Module Module)> _modules = [];

    private readonly IScoreBias? _bias;

    public LayerPositions(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var scheme in config.Schemes.Items.Where(s => s.PerLayer))
        {
            var part = scheme.Build(config);
            _modules.Add((scheme.StateName, (Module)part!));
            _bias = (IScoreBias)part!;
        }
    }

    public override IEnumerable<(string Name, Module Module)> NamedChildren() => _modules;

    /// <summary>This layer's bias (nh, Tq, Tk) for queries from qStart and keys 0..Tk−1, or null without a per-layer scheme.</summary>
    public Tensor? Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device) =>
        _bias?.Bias(qStart, queryLength, keyLength, dtype, device);
}
