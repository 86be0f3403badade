namespace ArithLab.Training.Config;

/// <summary>How problems are written as tokens (`data.format`); the formats themselves live in ArithLab.Data.</summary>
public enum DataFormat
{
    Plain,
    Reversed,
    ReversedAll,
    Padded,
    IndexHints,
    IndexHintsMcleish,
    Scratchpad,
    ScratchpadSimplified,
    Turing,
    Fone,
}
