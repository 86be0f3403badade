using System.Globalization;
using System.Numerics;

namespace ArithLab.Data.Tasks;

/// <summary>
/// Reads a problem written the way people write it — "123+45", "12*34", "45-123", "123+45+6",
/// "3,12,5" — into a <see cref="Problem"/> whose answer comes from BigInteger arithmetic.
/// </summary>
public static class ProblemText
{
    // ×, x and the Unicode minus are accepted so that a problem copied from prose or from the
    // reversed-all format's "x" reads the same as one typed with ASCII operators.
    private static readonly (char Symbol, char Operator)[] Spellings = [('×', '*'), ('x', '*'), ('X', '*'), ('−', '-')];

    /// <summary>
    /// Parses <paramref name="text"/>. Without a <paramref name="task"/>, the operator decides:
    /// '+' is addition (multi-operand addition for three or more numbers), '-' subtraction
    /// (signed when a &lt; b), '*' multiplication and ',' a list to sort. A given task (signed
    /// subtraction, modular addition) must match the operator; multi-operand addition and sorting
    /// take as many operands as the text has. Returns the task with the problem, since a problem
    /// alone does not say whether its subtraction is signed or its list length.
    /// </summary>
    public static (TaskSpec Task, Problem Problem) Parse(string text, TaskSpec? task = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var op = OperatorOf(normalized, text);
        var operands = normalized.Split(op).Select(part => Number(part, text)).ToArray();
        var spec = task ?? Infer(op, operands);
        if (spec.OperatorSymbol[0] != op)
        {
            throw new ArgumentException($"'{text}' is written with '{op}', but {spec.Kind} problems are written with '{spec.OperatorSymbol}'", nameof(text));
        }
        if (spec.OperandCount != operands.Length)
        {
            spec = spec.Kind is TaskKind.MultiOperandAddition or TaskKind.Sorting
                ? spec with { OperandCount = operands.Length }
                : throw new ArgumentException($"'{text}' has {operands.Length} operands; {spec.Kind} takes {spec.OperandCount}", nameof(text));
        }
        spec = spec.Validated();
        return (spec, ProblemFactory.Create(spec, operands));
    }

    private static string Normalize(string text)
    {
        var s = text.Trim();
        foreach (var (symbol, op) in Spellings)
        {
            s = s.Replace(symbol, op);
        }
        return s;
    }

    private static char OperatorOf(string normalized, string text)
    {
        var ops = normalized.Where(c => c is '+' or '-' or '*' or ',').Distinct().ToArray();
        return ops.Length switch
        {
            1 => ops[0],
            0 => throw new ArgumentException($"'{text}' has no operator; write a problem such as 123+45, 12*34, 45-123 or 3,12,5", nameof(text)),
            _ => throw new ArgumentException($"'{text}' mixes the operators {string.Join(" and ", ops.Select(c => $"'{c}'"))}; a problem has one", nameof(text)),
        };
    }

    private static BigInteger Number(string part, string text)
    {
        var digits = part.Trim();
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{text}': '{digits}' is not a non-negative decimal number", nameof(text));
        }
        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static TaskSpec Infer(char op, BigInteger[] operands) => op switch
    {
        '+' when operands.Length == 2 => TaskSpec.Addition,
        '+' => TaskSpec.MultiOperandAddition(operands.Length),
        '-' when operands.Length == 2 => operands[0] >= operands[1] ? TaskSpec.Subtraction : TaskSpec.SignedSubtraction,
        '*' when operands.Length == 2 => TaskSpec.Multiplication,
        ',' => TaskSpec.Sorting(operands.Length),
        _ => throw new ArgumentException($"'{op}' takes exactly two operands, got {operands.Length}"),
    };
}
