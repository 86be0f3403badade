namespace ArithLab.Training.Units;

/// <summary>l = log(|x| + ε), the NALU's way into multiplication (Trask et al. 2018, eq. 3), and its derivative.</summary>
internal static class LogSpace
{
    public static void Fill(ReadOnlySpan<double> x, Span<double> log, double eps)
    {
        for (var i = 0; i < x.Length; i++)
        {
            log[i] = Math.Log(Math.Abs(x[i]) + eps);
        }
    }

    /// <summary>dx += dl · sign(x) / (|x| + ε).</summary>
    public static void AddInputGrad(ReadOnlySpan<double> x, ReadOnlySpan<double> dl, Span<double> dx, double eps)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += dl[i] * Math.Sign(x[i]) / (Math.Abs(x[i]) + eps);
        }
    }
}
