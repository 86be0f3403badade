namespace ArithLab.Data.Formats;

/// <summary>The two published ways of placing index hints.</summary>
public enum IndexHintStyle
{
    /// <summary>
    /// Zhou et al. 2023: numbers zero-padded to one width, hints counted from the most significant
    /// position (the first hint there: 'a' at offset 0, drawn per example from the 52-hint cycle), answer
    /// written units first.
    /// </summary>
    Zhou,

    /// <summary>
    /// McLeish et al. 2024: operands and answer reversed, hints counted from the units digit, drawn from a
    /// 102-character cycle starting at a per-example offset.
    /// </summary>
    McLeish,
}
