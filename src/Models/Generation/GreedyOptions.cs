using ArithLab.Torch;

namespace ArithLab.Models.Generation;

/// <summary>Options for greedy decoding.</summary>
public sealed record GreedyOptions
{
    /// <summary>Reuse keys and values of earlier positions (the default); off recomputes the whole prefix each step.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Position ids (B, T0) of the prompt, for Abacus / coupled models.</summary>
    public Tensor? PromptPositionIds { get; init; }

    /// <summary>Position ids of each generated token, for Abacus / coupled models.</summary>
    public NextPositionIds? NextPositionIds { get; init; }

    /// <summary>Stops once every row has produced this token.</summary>
    public long? StopToken { get; init; }
}
