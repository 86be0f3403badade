namespace ArithLab.Training.Config;

/// <summary>An inclusive range of operand lengths in digits.</summary>
public sealed record DigitRange(int Min, int Max)
{
    public bool Contains(int digits) => digits >= Min && digits <= Max;

    public override string ToString() => $"{Min}..{Max}";
}
