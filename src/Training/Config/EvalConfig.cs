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

    /// <summary>Equal lengths tested beyond the grid (a = b = n), e.g. 20, 50, 100.</summary>
    public ConfigList<int> Beyond { get; init; } = ConfigList<int>.Empty;

    /// <summary>Recurrences tried at test time for looped models; empty uses the training value.</summary>
    public ConfigList<int> Recurrences { get; init; } = ConfigList<int>.Empty;

    public int BatchSize { get; init; } = 256;
}
