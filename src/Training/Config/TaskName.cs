namespace ArithLab.Training.Config;

/// <summary>The arithmetic task an experiment trains on (`task.name`).</summary>
public enum TaskName
{
    Addition,
    Subtraction,
    /// <summary>Subtraction whose answer may be negative (a &lt; b allowed).</summary>
    SignedSubtraction,
    Multiplication,
    /// <summary>Sum of `task.operands` numbers.</summary>
    MultiAddition,
    Sorting,
    /// <summary>(a + b) mod `task.modulus`.</summary>
    ModularAddition,
}
