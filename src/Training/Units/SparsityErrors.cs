namespace ArithLab.Training.Units;

/// <summary>The sparsity error max_i min(|W_i|, |1 − |W_i||) (Madsen &amp; Johansen 2020, eq. 7): 0 exactly when every weight is −1, 0 or 1.</summary>
public static class SparsityErrors
{
    public static double Of(ReadOnlySpan<double> weights)
    {
        double worst = 0;
        foreach (var w in weights)
        {
            var a = Math.Abs(w);
            worst = Math.Max(worst, Math.Min(a, Math.Abs(1 - a)));
        }
        return worst;
    }
}
