namespace ArithLab.Training.Config;

/// <summary>How problems are written as tokens (`data.format`); the formats themselves live in ArithLab.Data.</summary>
public enum DataFormat
{
    Plain,
    Reversed,
    ReversedAll,
    Padded,
    /// <summary>Cho et al. 2024: each example zero-padded to its longer operand, the answer reversed.</summary>
    ReversedPadded,
    IndexHints,
    IndexHintsMcleish,
    Scratchpad,
    ScratchpadSimplified,
    Turing,
    /// <summary>McLeish et al. 2024's labelled sorting format.</summary>
    SortingMcleish,
    Fone,
}
