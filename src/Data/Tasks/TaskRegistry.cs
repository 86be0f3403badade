namespace ArithLab.Data.Tasks;

/// <summary>Builds the tasks of <see cref="TaskName"/> by the names configs and the command line use.</summary>
public static class TaskRegistry
{
    /// <summary>Known names: "addition", "subtraction" (a ≥ b), "signed-subtraction", "multiplication",
    /// "multi-addition" (k operands), "sorting" (list length k), "modular-addition" (modulus p).</summary>
    public static IReadOnlyList<string> Names { get; } = TaskName.All.Select(t => t.Name).ToArray();

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="operands">k for multi-addition and sorting (default 3 and 5); ignored elsewhere.</param>
    /// <param name="modulus">p for modular-addition (default 97); ignored elsewhere.</param>
    public static TaskSpec Get(string name, int? operands = null, int? modulus = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var task = TaskName.All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException(UnknownMessage(name), nameof(name));
        return task.Create(operands, modulus);
    }

    private static string UnknownMessage(string name)
    {
        var hint = ClosestName.Find(name, Names) is { } closest ? $"; did you mean '{closest}'?" : ".";
        return $"unknown task '{name}'{hint} Known tasks: {string.Join(", ", Names)}";
    }
}
