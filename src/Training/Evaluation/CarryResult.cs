namespace ArithLab.Training.Evaluation;

/// <summary>Exact-match tally of the grid's problems whose sum has <paramref name="Carries"/> carries.</summary>
public sealed record CarryResult(int Carries, int N, int Correct)
{
    public double Accuracy => N == 0 ? double.NaN : (double)Correct / N;
}
