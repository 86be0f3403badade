namespace ArithLab.Data.Tasks;

/// <summary>Builds tasks by the names configs and the command line use.</summary>
public static class TaskRegistry
{
    /// <summary>Known names: "addition", "subtraction" (a ≥ b), "signed-subtraction", "multiplication",
    /// "multi-addition" (k operands), "sorting" (list length k), "modular-addition" (modulus p).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["addition", "subtraction", "signed-subtraction", "multiplication", "multi-addition", "sorting", "modular-addition"];

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="operands">k for multi-addition and sorting (default 3 and 5); ignored elsewhere.</param>
    /// <param name="modulus">p for modular-addition (default 97); ignored elsewhere.</param>
    public static TaskSpec Get(string name, int? operands = null, int? modulus = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "addition" => TaskSpec.Addition,
            "subtraction" => TaskSpec.Subtraction,
            "signed-subtraction" => TaskSpec.SignedSubtraction,
            "multiplication" => TaskSpec.Multiplication,
            "multi-addition" => TaskSpec.MultiOperandAddition(operands ?? 3),
            "sorting" => TaskSpec.Sorting(operands ?? 5),
            "modular-addition" => TaskSpec.ModularAddition(modulus ?? 97),
            _ => throw new ArgumentException(UnknownMessage(name), nameof(name)),
        };
    }

    private static string UnknownMessage(string name)
    {
        var hint = ClosestName.Find(name, Names) is { } closest ? $"; did you mean '{closest}'?" : ".";
        return $"unknown task '{name}'{hint} Known tasks: {string.Join(", ", Names)}";
    }
}
