namespace ArithLab.Data.Tasks;

/// <summary>
/// A task by name: the one list of task names that configs (`task.name`), the command line and
/// <see cref="TaskRegistry"/> use, each with the <see cref="TaskSpec"/> it builds. Later spellings
/// of an entry are older names still accepted by configs.
/// </summary>
public sealed class TaskName
{
    // Filled by the constructor, so it must be declared before the entries.
    private static readonly List<TaskName> s_all = [];

    public static readonly TaskName Addition = new("addition", (_, _) => TaskSpec.Addition);

    /// <summary>a − b with a ≥ b.</summary>
    public static readonly TaskName Subtraction = new("subtraction", (_, _) => TaskSpec.Subtraction);

    /// <summary>Subtraction whose answer may be negative (a &lt; b allowed).</summary>
    public static readonly TaskName SignedSubtraction = new("signed-subtraction", (_, _) => TaskSpec.SignedSubtraction, "subtraction-signed");

    public static readonly TaskName Multiplication = new("multiplication", (_, _) => TaskSpec.Multiplication);

    /// <summary>Sum of k operands (default 3).</summary>
    public static readonly TaskName MultiAddition = new("multi-addition", (k, _) => TaskSpec.MultiOperandAddition(k ?? 3));

    /// <summary>A list of k numbers (default 5), sorted.</summary>
    public static readonly TaskName Sorting = new("sorting", (k, _) => TaskSpec.Sorting(k ?? 5));

    /// <summary>(a + b) mod p (default 97).</summary>
    public static readonly TaskName ModularAddition = new("modular-addition", (_, p) => TaskSpec.ModularAddition(p ?? 97));

    private readonly Func<int?, int?, TaskSpec> _create;

    private TaskName(string name, Func<int?, int?, TaskSpec> create, params string[] aliases)
    {
        Name = name;
        _create = create;
        Aliases = aliases;
        s_all.Add(this);
    }

    /// <summary>Every task, in the order names are listed.</summary>
    public static IReadOnlyList<TaskName> All => s_all;

    public string Name { get; }

    /// <summary>Older spellings configs still accept.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <param name="operands">k for multi-addition and sorting; ignored elsewhere.</param>
    /// <param name="modulus">p for modular-addition; ignored elsewhere.</param>
    public TaskSpec Create(int? operands = null, int? modulus = null) => _create(operands, modulus);

    public override string ToString() => Name;
}
