namespace ArithLab.Data.Formats;

/// <summary>How a <see cref="LayoutFormat"/> writes numbers: the switches the published layouts differ in.</summary>
/// <param name="ReverseOperands">Operands written units digit first (McLeish et al. 2024).</param>
/// <param name="ReverseAnswer">Answer written units digit first (Lee et al. 2023; McLeish et al. 2024).</param>
/// <param name="Delimiter">A token opening the prompt and closing the target, e.g. Lee et al.'s '$'; null for none.</param>
/// <param name="PadWidth">Zero-pad every operand to this many digits (answers to the task's widest answer); 0 for none.</param>
/// <param name="PadPerExample">Zero-pad each example to its own longest operand, operands and answer (Cho et al. 2024; see <see cref="ExamplePadding"/>).</param>
/// <param name="Spaces">A space token between every two tokens (Lee et al.'s add_space).</param>
/// <param name="MultiplySymbol">How '×' is spelled: '*' (Lee et al.) or 'x' (McLeish et al.).</param>
public sealed record LayoutOptions(
    bool ReverseOperands = false,
    bool ReverseAnswer = false,
    string? Delimiter = null,
    int PadWidth = 0,
    bool PadPerExample = false,
    bool Spaces = false,
    string MultiplySymbol = "*");
