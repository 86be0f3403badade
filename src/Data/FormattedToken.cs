namespace ArithLab.Data;

/// <summary>
/// One token of a formatted example, with what positional schemes need to know about it.
/// Position ids (Abacus, coupled) are computed from these fields alone, so every format
/// must fill them in faithfully.
/// </summary>
/// <param name="Text">The token as it appears in the vocabulary ("7", "+", "=", "a", "[NUM]").</param>
/// <param name="Number">Which number of the example the token is a digit of, counting each written
/// number in order of appearance (0, 1, ...); -1 for a token that is not a digit of a number.</param>
/// <param name="Significance">The digit's place value: 0 for units, 1 for tens, ...; -1 for a non-digit.
/// Index-hint tokens carry the significance of the digit they announce, with Number -1.</param>
/// <param name="Value">For a FoNE [NUM] token, the number it stands for; otherwise null.</param>
public readonly record struct FormattedToken(string Text, int Number = -1, int Significance = -1, System.Numerics.BigInteger? Value = null)
{
    public bool IsDigit => Number >= 0 && Significance >= 0;
}
