namespace ArithLab.Training.Evaluation;

/// <summary>
/// The headline numbers of an evaluation: accuracy over the cells inside the training lengths
/// (in-distribution) and outside them (out-of-distribution), pooled over problems, and the best
/// and worst cells.
/// </summary>
public sealed record EvalSummary(
    int InDistributionN, int InDistributionCorrect,
    int OutOfDistributionN, int OutOfDistributionCorrect,
    CellResult? Best, CellResult? Worst,
    int MalformedTotal)
{
    public double InDistributionAccuracy => InDistributionN == 0 ? double.NaN : (double)InDistributionCorrect / InDistributionN;

    public double OutOfDistributionAccuracy => OutOfDistributionN == 0 ? double.NaN : (double)OutOfDistributionCorrect / OutOfDistributionN;

    public static EvalSummary Of(EvalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int idN = 0, idC = 0, oodN = 0, oodC = 0;
        foreach (var c in result.Grid)
        {
            if (result.Settings.IsInDistribution(c.LengthA, c.LengthB))
            {
                idN += c.N;
                idC += c.Correct;
            }
            else
            {
                oodN += c.N;
                oodC += c.Correct;
            }
        }
        var scored = result.Grid.Where(c => c.N > 0).ToList();
        // Ties go to the shorter cell: the first place accuracy peaks or drops is the telling one.
        var best = scored.OrderByDescending(c => c.Accuracy).ThenBy(c => c.LengthA + c.LengthB).FirstOrDefault();
        var worst = scored.OrderBy(c => c.Accuracy).ThenBy(c => c.LengthA + c.LengthB).FirstOrDefault();
        var malformed = result.Failures.Where(f => f.Key != AnswerOutcome.WrongValue).Sum(f => f.Value);
        return new EvalSummary(idN, idC, oodN, oodC, best, worst, malformed);
    }
}
