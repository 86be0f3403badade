using ArithLab.Data.Positions;

namespace ArithLab.Data.Batching;

/// <summary>Shape and content of the batches a <see cref="BatchStream"/> produces.</summary>
public sealed record BatchOptions
{
    /// <summary>Examples per batch (rows).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>The longest sequence allowed, BOS and EOS included; a longer example is an error.</summary>
    public int MaxLength { get; init; } = 256;

    public PositionOptions Positions { get; init; } = new();

    public LossScope Loss { get; init; } = LossScope.Answer;

    /// <summary>
    /// FoNE: null leaves digits as tokens; a value collapses every number to one [NUM] token and
    /// gives each number this many digit classes (least significant first) for the decoding head.
    /// </summary>
    public int? FoneDigits { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "a batch needs at least one example");
        }
        if (MaxLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, "a sequence holds at least BOS and EOS");
        }
        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "unknown loss scope");
        }
        if (FoneDigits is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(FoneDigits), FoneDigits, "the FoNE digit count must be in [1, 1000]");
        }
        ArgumentNullException.ThrowIfNull(Positions);
        Positions.Validate();
    }
}
