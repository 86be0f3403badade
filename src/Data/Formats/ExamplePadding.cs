using ArithLab.Data.Tasks;

namespace ArithLab.Data.Formats;

/// <summary>
/// Zero-padding of one example to its own lengths, as Cho et al. 2024 write their data
/// (github.com/HanseulJo/position-coupling, src/data/addition.py and multiplication.py with
/// `padding: True`): sums pad every operand to the longest one and the answer to the widest sum of
/// that many digits ("653+49" → "653+049", answer "0702"); N×M products keep the operands as written
/// and pad the answer to the operands' lengths added up. With every column full, each coupled
/// position id holds a digit of every operand and of the answer.
/// </summary>
internal static class ExamplePadding
{
    /// <summary>The tasks the reference pads; differences, lists and residues have no padded layout there.</summary>
    public static bool Pads(TaskKind task) => task is TaskKind.Addition or TaskKind.MultiOperandAddition or TaskKind.Multiplication;

    /// <summary>Digits every operand is padded to: the longest operand's length for sums; 0 (as written) for products.</summary>
    public static int OperandWidth(TaskKind task, int longestOperand) =>
        task == TaskKind.Multiplication ? 0 : longestOperand;

    /// <summary>
    /// Digits of the padded answer: for sums the most a sum of operands of the longest length can have
    /// (n + 1 for two operands, the reference's `max_len + 1`); for products the operand lengths added up.
    /// </summary>
    public static int AnswerWidth(TaskSpec task, int longestOperand, int operandLengthSum) =>
        task.Kind == TaskKind.Multiplication ? operandLengthSum : LayoutFormat.AnswerWidth(task, longestOperand);
}
