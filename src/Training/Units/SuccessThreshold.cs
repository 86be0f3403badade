using ArithLab.Data.Sampling;
using ArithLab.Data.Units;

namespace ArithLab.Training.Units;

/// <summary>
/// The success threshold of Madsen &amp; Johansen 2020 (section 4.1, appendix C): the extrapolation MSE of
/// the ε-perturbed exact solution. The exact first layer selects the two subsets (1 inside, 0 outside);
/// perturbed, every 1 becomes 1 − ε and every 0 becomes ε; the output is the operation on the perturbed
/// sums. The threshold is E[(t_ε − t)²] over the extrapolation range, by Monte Carlo (the paper's R code
/// does the same; with 26-wide subsets it gives + 1.4786e-5, − 1.3844e-8, × 0.16001).
/// </summary>
public static class SuccessThreshold
{
    public static double MonteCarlo(SubsetTask task, InputRange range, double epsilon, int samples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(range);
        var random = new SeededRandom(seed);
        var unit = random.NextDouble;
        var row = new double[task.InputSize];
        double sum = 0;
        for (var s = 0; s < samples; s++)
        {
            double a = 0, b = 0, aEps = 0, bEps = 0;
            for (var i = 0; i < row.Length; i++)
            {
                var x = range.Sample(unit);
                var inA = i >= task.A.Start && i < task.A.End;
                var inB = i >= task.B.Start && i < task.B.End;
                a += inA ? x : 0;
                b += inB ? x : 0;
                aEps += (inA ? 1 - epsilon : epsilon) * x;
                bEps += (inB ? 1 - epsilon : epsilon) * x;
            }
            var d = task.Operation.Apply(aEps, bEps) - task.Operation.Apply(a, b);
            sum += d * d;
        }
        return sum / samples;
    }
}
