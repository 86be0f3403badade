namespace ArithLab.Training.Config;

/// <summary>`eval`: the length-generalization grid measured after (and during) training.</summary>
public sealed record EvalConfig
{
    /// <summary>Lengths of operand a on the heatmap's rows.</summary>
    public DigitRange GridA { get; init; } = new(1, 10);

    /// <summary>Lengths of operand b on the heatmap's columns.</summary>
    public DigitRange GridB { get; init; } = new(1, 10);

    /// <summary>Problems sampled per (a, b) cell.</summary>
    public int PerCell { get; init; } = 100;

    /// <summary>Lengths tested beyond the grid, e.g. 20, 50, 100: a = b = n, or a = n with b = <see cref="BeyondB"/>.</summary>
    public ConfigList<int> Beyond { get; init; } = ConfigList<int>.Empty;

    /// <summary>Operand b's length in the sets beyond the grid (N×2 multiplication: 2); 0 = the same as a's.</summary>
    public int BeyondB { get; init; }

    /// <summary>Recurrences tried at test time for looped models; empty uses the training value.</summary>
    public ConfigList<int> Recurrences { get; init; } = ConfigList<int>.Empty;

    public int BatchSize { get; init; } = 256;

    /// <summary>Abacus position ids: the offset k added at evaluation (0, the reference's, unless set).</summary>
    public int AbacusOffset { get; init; }
}
