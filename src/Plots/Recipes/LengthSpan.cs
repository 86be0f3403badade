namespace ArithLab.Plots;

/// <summary>Operand lengths Min..Max in digits, both ends included.</summary>
public readonly record struct LengthSpan(int Min, int Max)
{
    public int Count => Max - Min + 1;

    public bool Contains(int length) => length >= Min && length <= Max;
}
