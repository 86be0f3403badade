using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// The model-wide positional parts of one model, built from the schemes its config names: the
/// tables added to the token embedding, the rotation of q and k, and a score bias shared by every
/// layer. The plain and the looped transformer hold one each, marked
/// <see cref="InlineChildrenAttribute"/>, so its tables keep their top-level state names
/// (<c>pos_embed.weight</c>, <c>abacus.weight</c>, <c>coupled.weight</c>). Per-layer schemes live in
/// <see cref="LayerPositions"/>.
/// </summary>
public sealed class PositionalStack : Module
{
    [NotState]
    private readonly List<(string Name, Module Module)> _modules = [];

    [NotState]
    private readonly List<(PositionalScheme Scheme, IPositionEmbedding Embedding)> _embeddings = [];

    private readonly IQueryKeyRotation? _rotation;
    private readonly IScoreBias? _sharedBias;

    public PositionalStack(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Schemes = config.Schemes;
        // Embedding-side parts first, in role order, so their weights are drawn and listed as they always were.
        foreach (var scheme in Schemes.Items.Where(s => !s.PerLayer).OrderBy(s => s.Role))
        {
            var part = scheme.Build(config);
            if (part is Module module) _modules.Add((scheme.StateName, module));
            switch (part)
            {
                case IPositionEmbedding embedding: _embeddings.Add((scheme, embedding)); break;
                case IQueryKeyRotation rotation: _rotation = rotation; break;
                case IScoreBias bias: _sharedBias = bias; break;
            }
        }
    }

    public PositionalSchemes Schemes { get; }

    public override IEnumerable<(string Name, Module Module)> NamedChildren() => _modules;

    /// <summary>
    /// The sum of the embedding-side tables for the queried tokens: (T, C), (B, T, C), or null when the
    /// model adds none. Id tables need the data's position ids (B, T).
    /// </summary>
    public Tensor? Embedding(PositionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Tensor? sum = null;
        foreach (var (scheme, embedding) in _embeddings)
        {
            if (scheme.NeedsPositionIds)
            {
                if (query.Ids is null) throw new ArgumentException($"positional scheme '{scheme.Name}' needs position ids (B, T) from the data format");
                if (query.Ids.Shape.Length != 2 || query.Ids.Size(1) != query.Length) throw new ArgumentException($"position ids must be (B, {query.Length}), got [{string.Join(", ", query.Ids.Shape)}]");
            }
            var table = embedding.Forward(query);
            sum = sum is null ? table : sum + table;
        }
        return sum;
    }

    /// <summary>What every attention layer of a forward pass over <paramref name="length"/> tokens from <paramref name="start"/> shares.</summary>
    public AttentionContext Context(int start, int length, ScalarType dtype, Device device) =>
        AttentionContext.Causal(start, length, device, _rotation, _sharedBias?.Bias(start, length, start + length, dtype, device));
}
