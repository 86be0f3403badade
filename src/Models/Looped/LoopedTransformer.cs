using ArithLab.Models.Generation;
using ArithLab.Models.Hooks;
using ArithLab.Models.Positional;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Looped;

/// <summary>
/// A looped transformer (McLeish et al. 2024, §3.2; Parcae for the stable injection):
/// e = prelude(embed(ids)); h₀ from <see cref="LoopedConfig.StateInit"/> (0 by default, so the
/// first pass of additive injection reads e); then n + k passes of the shared core, each on
/// inject(h, e); then coda, <c>ln_f</c> and the unembedding. The first n passes run without
/// gradient (truncated backprop). State: <c>tok_embed.weight</c>, positional tables as in
/// <see cref="Transformer"/>, <c>prelude.{i}.*</c>, <c>core.{i}.*</c>, <c>coda.{i}.*</c>,
/// <c>adapter.weight</c> (C, 2C) for linear injection, <c>injection.*</c> for Parcae,
/// <c>ln_f.*</c>, <c>lm_head.weight</c> unless tied.
/// </summary>
public sealed class LoopedTransformer : Module, ICachedLanguageModel
{
    private readonly Embedding _tokEmbed;
    [InlineChildren]
    private readonly PositionalStack _positions;
    private readonly ModuleList<Block> _prelude;
    private readonly ModuleList<Block> _core;
    private readonly ModuleList<Block> _coda;
    private readonly Linear? _adapter;
    private readonly ParcaeInjection? _injection;
    private readonly Module? _lnF;
    private readonly Linear? _lmHead;

    public LoopedTransformer(LoopedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var t = config.Transformer;
        t.Validate();
        // Without injection a state that does not start from e never sees the input.
        if (config.Injection == InjectionKind.None && config.StateInit != StateInit.Embedding)
        {
            throw new ArgumentException($"injection None needs StateInit.Embedding; with StateInit.{config.StateInit} the core never reads the input", nameof(config));
        }
        if (config.StateInit == StateInit.Noise && !(config.StateNoiseStd > 0))
        {
            throw new ArgumentException($"StateNoiseStd must be > 0 for StateInit.Noise, got {config.StateNoiseStd}", nameof(config));
        }
        Config = config;
        _tokEmbed = new Embedding(t.VocabSize, t.DModel);
        _positions = new PositionalStack(t);
        _prelude = new ModuleList<Block>(Enumerable.Range(0, config.PreludeLayers).Select(_ => new Block(t)));
        _core = new ModuleList<Block>(Enumerable.Range(0, t.Layers).Select(_ => new Block(t)));
        _coda = new ModuleList<Block>(Enumerable.Range(0, config.CodaLayers).Select(_ => new Block(t)));
        if (config.Injection == InjectionKind.Linear) _adapter = new Linear(2 * t.DModel, t.DModel, bias: false);
        if (config.Injection == InjectionKind.Parcae) _injection = new ParcaeInjection(t.DModel);
        _lnF = Norms.CreateFinal(t);
        if (!t.TieEmbeddings) _lmHead = new Linear(t.DModel, t.VocabSize, bias: false);
        // Every pass of the core adds to the residual stream, as McLeish et al.'s init counts them.
        GptInit.Apply(this, config.PreludeLayers + t.Layers * config.MaxRecurrence + config.CodaLayers);
        Hooks = new HookRegistry(EnumerateHookPoints());
    }

    public LoopedConfig Config { get; }

    public ParcaeInjection? Injection => _injection;

    /// <summary>The blocks' hook points (<c>core.0.hook_resid_post</c>, ...); a core point fires once per pass.</summary>
    public HookRegistry Hooks { get; }

    /// <summary>Logits after the configured <see cref="LoopedConfig.MaxRecurrence"/> passes, all with gradient.</summary>
    public Tensor Logits(Tensor ids, Tensor? positionIds = null) => Forward(ids, positionIds, 0, Config.MaxRecurrence);

    /// <summary>ids (B, T) → logits (B, T, V) after <paramref name="stepsNoGrad"/> passes without gradient and <paramref name="stepsWithGrad"/> with.</summary>
    public Tensor Forward(Tensor ids, Tensor? positionIds, int stepsNoGrad, int stepsWithGrad) =>
        Run(ids, positionIds, stepsNoGrad, stepsWithGrad, null);

    /// <summary>A cache for decoding with <paramref name="passes"/> passes of the core (default MaxRecurrence): one layer cache per block a token goes through.</summary>
    public KvCache NewCache(int passes) => new(_prelude.Count + _core.Count * passes + _coda.Count);

    public KvCache NewCache() => NewCache(Config.MaxRecurrence);

    /// <summary>
    /// Logits for new ids (B, Tnew) after the tokens already in <paramref name="cache"/>; the number
    /// of passes is the one the cache was made for. Every pass attends to the keys of the same
    /// pass at earlier positions, so this equals the full pass over the whole sequence.
    /// </summary>
    public Tensor Logits(Tensor ids, Tensor? positionIds, KvCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var passes = (cache.Layers - _prelude.Count - _coda.Count) / Math.Max(_core.Count, 1);
        return Run(ids, positionIds, 0, passes, cache);
    }

    private Tensor Run(Tensor ids, Tensor? positionIds, int stepsNoGrad, int stepsWithGrad, KvCache? cache)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegative(stepsNoGrad);
        ArgumentOutOfRangeException.ThrowIfNegative(stepsWithGrad);
        var start = cache?.Length ?? 0;
        var T = (int)ids.Size(1);
        var x = _tokEmbed.Forward(ids);                                              // (B, T, C)
        var pos = _positions.Embedding(new PositionQuery(positionIds, start, T, x.DType, x.Device));
        if (pos is not null) x = x + pos;
        var context = _positions.Context(start, T, x.DType, x.Device);
        var layer = 0;                                                               // index into the cache, in the order a token meets the blocks
        foreach (var block in _prelude) x = block.Forward(x, context, cache?[layer++]);
        var e = x;                                                                   // (B, T, C), injected each pass
        var h = InitialState(e);                                                     // (B, T, C)
        if (stepsNoGrad > 0)
        {
            using var noGrad = LibTorch.NoGrad();
            for (var i = 0; i < stepsNoGrad; i++) h = Step(h, e, context, cache, ref layer);
        }
        for (var i = 0; i < stepsWithGrad; i++) h = Step(h, e, context, cache, ref layer);
        foreach (var block in _coda) h = block.Forward(h, context, cache?[layer++]);
        h = Norms.ApplyIfAny(_lnF, h);
        return _lmHead is not null ? _lmHead.Forward(h) : Functional.Linear(h, _tokEmbed.Weight, null);
    }

    /// <summary>h₀ (McLeish et al. 2024's <c>initialize_state</c>); noise only while training, its mean 0 in eval mode so decoding is deterministic.</summary>
    private Tensor InitialState(Tensor e) => Config.StateInit switch
    {
        StateInit.Zero => Tensor.ZerosLike(e),
        StateInit.Embedding => e,
        StateInit.Noise when Training => Tensor.Randn(e.Shape, e.DType, e.Device) * Config.StateNoiseStd,
        StateInit.Noise => Tensor.ZerosLike(e),
        _ => throw new InvalidOperationException($"unknown state init {Config.StateInit}"),
    };

    private Tensor Step(Tensor h, Tensor e, AttentionContext context, KvCache? cache, ref int layer)
    {
        var state = Config.Injection switch
        {
            InjectionKind.None => h,
            InjectionKind.Add => h + e,
            InjectionKind.Linear => _adapter!.Forward(Tensor.Cat(new[] { h, e }, -1)),  // (B, T, 2C) → (B, T, C)
            InjectionKind.Parcae => _injection!.Forward(h, e),
            _ => throw new InvalidOperationException($"unknown injection {Config.Injection}"),
        };
        foreach (var block in _core) state = block.Forward(state, context, cache?[layer++]);
        return state;
    }


    private IEnumerable<KeyValuePair<string, HookPoint>> EnumerateHookPoints()
    {
        foreach (var (name, blocks) in new[] { ("prelude", _prelude), ("core", _core), ("coda", _coda) })
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                foreach (var p in blocks[i].HookPoints($"{name}.{i}.")) yield return p;
            }
        }
    }
}
