using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// One positional scheme: its canonical name and the older spellings still accepted, what it does
/// to the model (<see cref="Role"/>), whether it is built once per model or once per attention
/// layer, its state-dict name, and how it is built from a <see cref="TransformerConfig"/>.
/// The registry below is the one list of schemes: the config, the model and the docs read it.
/// Adding a scheme is a class implementing the interface its role names (<see cref="IPositionEmbedding"/>,
/// <see cref="IQueryKeyRotation"/> or <see cref="IScoreBias"/>) plus one line here; see docs/architecture.md.
/// </summary>
public sealed class PositionalScheme
{
    // Filled by the constructor, so it must be declared before the registry lines.
    private static readonly List<PositionalScheme> s_all = [];

    // The registry, in the order names are listed. Aliases keep the spellings older configs and code used.
    // Kazemnejad et al. 2023: no positional encoding; the causal mask alone lets a decoder recover positions.
    public static readonly PositionalScheme None = new("none", PositionalRole.None, aliases: ["nope"]);
    public static readonly PositionalScheme Learned = new("learned", PositionalRole.AddsToEmbedding, c => new LearnedAbsolute(c.MaxSeqLen, c.DModel, c.LearnedFromIds), stateName: "pos_embed");
    public static readonly PositionalScheme Sinusoidal = new("sinusoidal", PositionalRole.AddsToEmbedding, c => new Sinusoidal(c.DModel));
    public static readonly PositionalScheme Rope = new("rope", PositionalRole.RotatesQueryKey, c => new Rope(c.HeadSize, c.RopeBase));
    public static readonly PositionalScheme Alibi = new("alibi", PositionalRole.BiasesScores, c => new Alibi(c.Heads));
    public static readonly PositionalScheme HardAlibi = new("hard-alibi", PositionalRole.BiasesScores, c => new HardAlibi(c.Heads, c.HardAlibiWindows), aliases: ["hard_alibi"]);
    public static readonly PositionalScheme Fire = new("fire", PositionalRole.BiasesScores, c => new Fire(c.Heads, c.FireMlpWidth, c.FireInitC, c.FireInitL), perLayer: true);
    public static readonly PositionalScheme Kerple = new("kerple", PositionalRole.BiasesScores, c => new Kerple(c.Heads), perLayer: true);
    public static readonly PositionalScheme Abacus = new("abacus", PositionalRole.SuppliesIdTable, c => new AbacusEmbedding(c.MaxPositionId, c.DModel, c.MaxRandomOffset, kind: c.IdTable));
    public static readonly PositionalScheme Coupled = new("coupled", PositionalRole.SuppliesIdTable, c => new CoupledPositionEmbedding(c.MaxPositionId, c.DModel, c.MaxRandomOffset, kind: c.IdTable));

    private readonly Func<TransformerConfig, object>? _build;

    private PositionalScheme(string name, PositionalRole role, Func<TransformerConfig, object>? build = null,
                             string[]? aliases = null, bool perLayer = false, string? stateName = null)
    {
        Name = name;
        Role = role;
        _build = build;
        Aliases = aliases ?? [];
        PerLayer = perLayer;
        StateName = stateName ?? name.Replace('-', '_');
        s_all.Add(this);
    }

    /// <summary>Every registered scheme, in registry order.</summary>
    public static IReadOnlyList<PositionalScheme> All => s_all;

    /// <summary>The canonical name, as configs write it ("hard-alibi").</summary>
    public string Name { get; }

    /// <summary>Older spellings accepted when reading ("hard_alibi", "nope").</summary>
    public IReadOnlyList<string> Aliases { get; }

    public PositionalRole Role { get; }

    /// <summary>Built once per attention layer, each with its own weights (FIRE, KERPLE), rather than once per model.</summary>
    public bool PerLayer { get; }

    /// <summary>The state-dict name of its weights when it has any: <c>pos_embed.*</c>, <c>abacus.*</c>, <c>blocks.{i}.attn.fire.*</c>.</summary>
    public string StateName { get; }

    /// <summary>The canonical name followed by the aliases.</summary>
    public IEnumerable<string> Spellings => Aliases.Prepend(Name);

    /// <summary>True when the forward pass needs position ids (B, T) from the data format.</summary>
    public bool NeedsPositionIds => Role == PositionalRole.SuppliesIdTable;

    /// <summary>The scheme's part for a model of this config, implementing the interface of its role; null for NoPE.</summary>
    public object? Build(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var part = _build?.Invoke(config);
        var fits = part is null ? Role == PositionalRole.None : Role switch
        {
            PositionalRole.AddsToEmbedding or PositionalRole.SuppliesIdTable => part is IPositionEmbedding,
            PositionalRole.RotatesQueryKey => part is IQueryKeyRotation,
            PositionalRole.BiasesScores => part is IScoreBias && (!PerLayer || part is Module),
            _ => false,
        };
        if (!fits)
        {
            (part as IDisposable)?.Dispose();
            throw new InvalidOperationException($"positional scheme '{Name}' built a {part?.GetType().Name ?? "null"}, which does not do what its role {Role} says");
        }
        return part;
    }

    public override string ToString() => Name;
}
