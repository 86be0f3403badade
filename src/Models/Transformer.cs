using ArithLab.Models.Generation;
using ArithLab.Models.Hooks;
using ArithLab.Models.Positional;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// A decoder-only transformer (GPT-2 shaped) with selectable positional schemes and
/// TransformerLens-style hook points. State-dict names: <c>tok_embed.weight</c> (V, C);
/// <c>pos_embed.weight</c> (learned), <c>abacus.weight</c> or <c>coupled.weight</c> when used;
/// <c>blocks.{i}.*</c>; <c>ln_f.*</c> (not for post-norm); <c>lm_head.weight</c> (V, C) unless tied.
/// See docs/models.md for the forward pass.
/// </summary>
public sealed class Transformer : Module, ICachedLanguageModel
{
    private readonly Embedding _tokEmbed;
    [InlineChildren]
    private readonly PositionalStack _positions;
    private readonly Dropout _embedDropout;
    private readonly ModuleList<Block> _blocks;
    private readonly Module? _lnF;
    private readonly Linear? _lmHead;
    private readonly HookPoint _hookEmbed = new();
    private readonly HookPoint _hookPosEmbed = new();

    public Transformer(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _tokEmbed = new Embedding(config.VocabSize, config.DModel);
        _positions = new PositionalStack(config);
        _embedDropout = new Dropout(config.Dropout);
        _blocks = new ModuleList<Block>(Enumerable.Range(0, config.Layers).Select(_ => new Block(config)));
        _lnF = Norms.CreateFinal(config);
        if (!config.TieEmbeddings) _lmHead = new Linear(config.DModel, config.VocabSize, bias: false);
        GptInit.Apply(this, config.Layers);
        Hooks = new HookRegistry(EnumerateHookPoints());
    }

    public TransformerConfig Config { get; }

    public HookRegistry Hooks { get; }

    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The token embedding matrix (V, C), also the unembedding when tied.</summary>
    public Tensor TokenEmbedding => _tokEmbed.Weight;

    public KvCache NewCache() => new(Config.Layers);

    public Tensor Logits(Tensor ids, Tensor? positionIds = null) => Forward(ids, positionIds);

    public Tensor Logits(Tensor ids, Tensor? positionIds, KvCache cache) => Forward(ids, positionIds, cache);

    /// <summary>
    /// ids (B, T) → logits (B, T, V). <paramref name="positionIds"/> (B, T) feeds the Abacus or
    /// coupled table, and the learned one under <see cref="TransformerConfig.LearnedFromIds"/>; <paramref name="cache"/> continues from the tokens it holds (pass only the
    /// new ids); <paramref name="addedEmbedding"/> (B, T, C) is added to the token embedding (FoNE).
    /// </summary>
    public Tensor Forward(Tensor ids, Tensor? positionIds = null, KvCache? cache = null, Tensor? addedEmbedding = null) =>
        Unembed(HiddenStates(ids, positionIds, cache, addedEmbedding));

    /// <summary>The final hidden states (B, T, C), after <c>ln_f</c> unless post-norm.</summary>
    public Tensor HiddenStates(Tensor ids, Tensor? positionIds = null, KvCache? cache = null, Tensor? addedEmbedding = null) =>
        Hidden(ids, positionIds, cache, addedEmbedding, rows: null);

    /// <summary>
    /// ids (B, T) → logits (N, V) at the flat positions <paramref name="rows"/> (N) int64, b·T + t, in the
    /// order given (see <see cref="FlatRows"/>): Forward's logits at those positions, for a loss that scores
    /// only some of them. The last block still attends over every position (a scored position reads
    /// the keys and values of all earlier ones), but what follows attention — its output projection,
    /// the residual, the second norm, the MLP, then <c>ln_f</c> and the unembedding — works position by
    /// position, so it runs on those rows alone. With a hook on the last block, or dropout active, it
    /// runs Forward and picks the rows instead: hooks see (B, T, C), and dropout draws the masks it draws in Forward.
    /// </summary>
    public Tensor LogitsAt(Tensor ids, Tensor? positionIds, Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ComputesOnlyTheRows
            ? Unembed(Hidden(ids, positionIds, cache: null, addedEmbedding: null, rows))
            : FlatRows.Select(Forward(ids, positionIds), rows);
    }

    /// <summary>
    /// Whether <see cref="LogitsAt"/> runs the last block's position-wise part on the asked rows alone:
    /// not with a hook on that block (it must see what Forward shows it), nor with dropout active (a
    /// mask drawn over fewer elements would change the random stream).
    /// </summary>
    internal bool ComputesOnlyTheRows => !(Training && Config.Dropout > 0) && !_blocks[^1].HasHooks;

    /// <summary>The final hidden states (B, T, C), or (N, C) at <paramref name="rows"/>: see <see cref="LogitsAt"/>.</summary>
    private Tensor Hidden(Tensor ids, Tensor? positionIds, KvCache? cache, Tensor? addedEmbedding, Tensor? rows)
    {
        var x = Embed(ids, positionIds, cache?.Length ?? 0, addedEmbedding);         // (B, T, C)
        var context = Context(cache?.Length ?? 0, (int)ids.Size(1), x.DType, x.Device);
        var last = _blocks.Count - 1;
        for (var i = 0; i < _blocks.Count; i++)
        {
            x = _blocks[i].Forward(x, context, cache?[i], i == last ? rows : null);  // (B, T, C); (N, C) after the last with rows
        }
        return FinalNorm(x);
    }

    /// <summary><c>ln_f</c> of a pre- or pre-post-norm model (identity for post-norm): what the residual stream passes through before <see cref="Unembed"/>, for a logit lens.</summary>
    public Tensor FinalNorm(Tensor hidden) => Norms.ApplyIfAny(_lnF, hidden);

    /// <summary>hidden (…, C) → logits (…, V), through <c>lm_head</c> or the tied embedding.</summary>
    public Tensor Unembed(Tensor hidden) =>
        _lmHead is not null ? _lmHead.Forward(hidden) : Functional.Linear(hidden, _tokEmbed.Weight, null);

    /// <summary>Token plus positional embeddings (B, T, C), after dropout.</summary>
    internal Tensor Embed(Tensor ids, Tensor? positionIds, int start, Tensor? addedEmbedding)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Dim != 2) throw new ArgumentException($"ids must be (B, T), got [{string.Join(", ", ids.Shape)}]");
        var T = (int)ids.Size(1);
        var x = _hookEmbed.Forward(_tokEmbed.Forward(ids));                          // (B, T, C)
        var pos = _positions.Embedding(new PositionQuery(positionIds, start, T, x.DType, x.Device));
        if (pos is not null) x = x + _hookPosEmbed.Forward(pos);
        if (addedEmbedding is not null) x = x + addedEmbedding;
        return _embedDropout.Forward(x);
    }

    internal AttentionContext Context(int start, int length, ScalarType dtype, Device device) =>
        _positions.Context(start, length, dtype, device);

    private IEnumerable<KeyValuePair<string, HookPoint>> EnumerateHookPoints()
    {
        yield return new("hook_embed", _hookEmbed);
        yield return new("hook_pos_embed", _hookPosEmbed);
        for (var i = 0; i < _blocks.Count; i++)
        {
            foreach (var p in _blocks[i].HookPoints($"blocks.{i}.")) yield return p;
        }
    }
}
