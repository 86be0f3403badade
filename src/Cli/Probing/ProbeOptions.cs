namespace ArithLab.Cli.Probing;

/// <summary>The options of <c>arithlab probe</c>; null means the probe's own default.</summary>
internal sealed record ProbeOptions
{
    public string? Hook { get; init; }

    public int Problems { get; init; } = 200;

    public int? Digits { get; init; }

    public int? Values { get; init; }

    public int FixedOperand { get; init; }

    public IReadOnlyList<double>? Periods { get; init; }

    public int? Pca { get; init; }

    public double Share { get; init; } = 0.8;

    public string Label { get; init; } = "carry";

    public IReadOnlyList<int>? Lengths { get; init; }

    /// <summary>Where a value sweep reads activations: "operand" (a's last token) or "last" (the token before the answer).</summary>
    public string At { get; init; } = "operand";

    public int Seed { get; init; }
}
