namespace ArithLab.Data;

/// <summary>The arithmetic tasks the lab generates.</summary>
public enum TaskKind
{
    Addition,
    Subtraction,
    Multiplication,
    MultiOperandAddition,
    Sorting,
    ModularAddition,
}
