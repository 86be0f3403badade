using ArithLab.Models;
using ArithLab.Models.Positional;

namespace ArithLab.Training.Config;

/// <summary>`model`: the decoder transformer.</summary>
public sealed record ModelConfig
{
    public int Layers { get; init; } = 2;

    public int DModel { get; init; } = 128;

    public int Heads { get; init; } = 4;

    public int DFf { get; init; } = 512;

    public Activation Activation { get; init; } = Activation.Gelu;

    public NormKind Norm { get; init; } = NormKind.LayerNorm;

    public NormPlacement NormPlacement { get; init; } = NormPlacement.Pre;

    public double Dropout { get; init; }

    /// <summary>Whether linear layers and norms carry a bias.</summary>
    public bool Bias { get; init; } = true;

    public bool TieEmbeddings { get; init; } = true;

    /// <summary>Positional schemes, combined (e.g. abacus + rope); a reversed 3-digit sum learns with learned positions.</summary>
    public ConfigList<PositionalScheme> Positional { get; init; } = ConfigList.Of(PositionalScheme.Learned);

    public double RopeBase { get; init; } = 10000;

    /// <summary>
    /// Hard-ALiBi: how many of the last keys each head sees (0 = all, a NoPE head), one per head; empty
    /// keeps the default, the first half of the heads at windows 1, 2, ... and the rest unlimited.
    /// </summary>
    public ConfigList<int> HardAlibiWindows { get; init; } = ConfigList<int>.Empty;

    /// <summary>The Abacus / coupled id table: learned (the papers') or fixed sinusoids of the id.</summary>
    public IdTableKind IdTable { get; init; } = IdTableKind.Learned;

    /// <summary>Longest sequence learned or sinusoidal tables cover.</summary>
    public int MaxPositions { get; init; } = 256;

    public LoopedConfig Looped { get; init; } = new();

    public FoneConfig Fone { get; init; } = new();

    public int HeadDim => DModel / Heads;
}
