namespace ArithLab.Data.Units;

/// <summary>The target's operation on the two subset sums a and b (Madsen &amp; Johansen 2020, section 4.1).</summary>
public enum UnitOperation
{
    Add,
    Sub,
    Mul,
    Div,
    /// <summary>a², b unused.</summary>
    Square,
    /// <summary>√a, b unused.</summary>
    Root,
}

/// <summary>Applies a <see cref="UnitOperation"/>.</summary>
public static class UnitOperations
{
    public static double Apply(this UnitOperation operation, double a, double b) => operation switch
    {
        UnitOperation.Add => a + b,
        UnitOperation.Sub => a - b,
        UnitOperation.Mul => a * b,
        UnitOperation.Div => a / b,
        UnitOperation.Square => a * a,
        UnitOperation.Root => Math.Sqrt(a),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>The symbol used in tables: +, −, ×, ÷, z², √z.</summary>
    public static string Symbol(this UnitOperation operation) => operation switch
    {
        UnitOperation.Add => "+",
        UnitOperation.Sub => "−",
        UnitOperation.Mul => "×",
        UnitOperation.Div => "÷",
        UnitOperation.Square => "z²",
        UnitOperation.Root => "√z",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
