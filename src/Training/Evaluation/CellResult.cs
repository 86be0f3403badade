namespace ArithLab.Training.Evaluation;

/// <summary>Exact-match tally of one (len a, len b) cell, or of one equal-length set beyond the grid.</summary>
/// <param name="LengthA">Digits of operand a.</param>
/// <param name="LengthB">Digits of operand b.</param>
/// <param name="N">Problems evaluated (fewer than asked when the test side holds fewer).</param>
/// <param name="Correct">Problems answered exactly right.</param>
public sealed record CellResult(int LengthA, int LengthB, int N, int Correct)
{
    /// <summary>Correct / N; NaN for an empty cell, which the heatmap hatches rather than colours as 0.</summary>
    public double Accuracy => N == 0 ? double.NaN : (double)Correct / N;
}
