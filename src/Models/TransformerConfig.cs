using ArithLab.Models.Positional;

namespace ArithLab.Models;

/// <summary>
/// A decoder-only transformer. Positional schemes are named in <see cref="Positional"/>,
/// joined with '+' to combine them ("abacus+fire", "abacus+rope"); see <see cref="PositionalSchemes"/>.
/// </summary>
public sealed record TransformerConfig
{
    public int VocabSize { get; init; } = 16;
    public int Layers { get; init; } = 2;
    public int DModel { get; init; } = 64;
    public int Heads { get; init; } = 4;

    /// <summary>Hidden width of the MLP; 0 means 4 × <see cref="DModel"/>.</summary>
    public int DFf { get; init; }

    public Activation Activation { get; init; } = Activation.Gelu;
    public NormKind Norm { get; init; } = NormKind.LayerNorm;
    public NormPlacement NormPlacement { get; init; } = NormPlacement.Pre;
    public double NormEps { get; init; } = 1e-5;
    public double Dropout { get; init; }
    /// <summary>Biases in the linear maps and the layer norms (nanoGPT's flag).</summary>
    public bool Bias { get; init; } = true;
    public bool TieEmbeddings { get; init; }

    /// <summary>Longest sequence for the learned absolute and sinusoidal tables.</summary>
    public int MaxSeqLen { get; init; } = 256;

    /// <summary>
    /// The learned table is looked up by the position ids passed with the tokens instead of 0..T−1,
    /// so that training can place an example anywhere in the context (src/Data's absolute ids with a
    /// random start). Without ids it falls back to 0..T−1.
    /// </summary>
    public bool LearnedFromIds { get; init; }

    /// <summary>Positional schemes joined with '+', named as in <see cref="PositionalScheme"/>'s registry (none, learned, sinusoidal, rope, alibi, hard-alibi, fire, kerple, abacus, coupled).</summary>
    public string Positional { get; init; } = "learned";

    /// <summary>RoPE's base θ (Su et al. 2021).</summary>
    public double RopeBase { get; init; } = 10000.0;

    /// <summary>Hard-ALiBi windows per head: head h attends to the last HardAlibiWindows[h] tokens; 0 means unlimited.
    /// Null gives the reference default: the first half of the heads get windows 1, 2, ..., the rest none.</summary>
    public IReadOnlyList<int>? HardAlibiWindows { get; init; }

    /// <summary>FIRE's MLP width and initial c and L (Li et al. 2023).</summary>
    public int FireMlpWidth { get; init; } = 32;
    public double FireInitC { get; init; } = 0.1;
    public double FireInitL { get; init; } = 512.0;

    /// <summary>Size of the Abacus / coupled position tables (ids run 0..MaxPositionId−1; 0 marks "no position").</summary>
    public int MaxPositionId { get; init; } = 256;

    /// <summary>Whether the Abacus / coupled table is learned or fixed sinusoids of the id.</summary>
    public IdTableKind IdTable { get; init; } = IdTableKind.Learned;

    /// <summary>In training, id-indexed schemes shift every non-zero id by one random k in [0, MaxRandomOffset]
    /// per batch (McLeish et al. 2024, §3; Cho et al. 2024), so the table's tail is trained too.
    /// Keep 0 when the data layer already randomises the ids (its PositionOptions do).</summary>
    public int MaxRandomOffset { get; init; }

    public int HeadSize => DModel / Heads;

    public int FfWidth => DFf > 0 ? DFf : 4 * DModel;

    public PositionalSchemes Schemes => PositionalSchemes.Parse(Positional);

    /// <summary>Checks the numbers fit together; throws naming the offending field.</summary>
    public void Validate()
    {
        if (VocabSize < 1) throw new ArgumentException($"VocabSize must be positive, got {VocabSize}");
        if (Layers < 1) throw new ArgumentException($"Layers must be positive, got {Layers}");
        if (Heads < 1 || DModel % Heads != 0) throw new ArgumentException($"DModel ({DModel}) must be a positive multiple of Heads ({Heads})");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}");
        var schemes = Schemes;
        if (schemes.Contains(PositionalScheme.Rope) && HeadSize % 2 != 0) throw new ArgumentException($"RoPE needs an even head size, got {HeadSize}");
        if (HardAlibiWindows is { } w && w.Count != Heads)
            throw new ArgumentException($"HardAlibiWindows has {w.Count} entries for {Heads} heads");
    }
}
