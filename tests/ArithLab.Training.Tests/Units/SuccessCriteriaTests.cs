using ArithLab.Data.Units;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>The success threshold, sparsity error and Wilson interval against closed forms and worked values.</summary>
public sealed class SuccessCriteriaTests
{
    private const double Epsilon = 1e-5;

    /// <summary>
    /// For +, t_ε − t = ε·D with D = Σ cᵢ xᵢ, cᵢ = sₐ(i) + s_b(i), s(i) = −1 inside the subset (1 → 1 − ε) and
    /// +1 outside (0 → ε). The xᵢ are independent U[lo, hi]: E[D] = μ Σ cᵢ, Var D = σ² Σ cᵢ², and the
    /// threshold is ε²·(E[D]² + Var D).
    /// </summary>
    private static double ClosedFormAdd(SubsetTask task, double lo, double hi)
    {
        double mean = (lo + hi) / 2, variance = (hi - lo) * (hi - lo) / 12, sumC = 0, sumC2 = 0;
        for (var i = 0; i < task.InputSize; i++)
        {
            var c = (i >= task.A.Start && i < task.A.End ? -1 : 1) + (i >= task.B.Start && i < task.B.End ? -1 : 1);
            sumC += c;
            sumC2 += c * c;
        }
        return Epsilon * Epsilon * (mean * mean * sumC * sumC + variance * sumC2);
    }

    [Fact]
    public void Monte_Carlo_threshold_for_addition_agrees_with_its_closed_form()
    {
        var task = SubsetTask.FromRatios(100, 0.25, 0.5, UnitOperation.Add, 3);
        var closed = ClosedFormAdd(task, 2, 6);
        var mc = SuccessThreshold.MonteCarlo(task, InputRange.Uniform(2, 6), Epsilon, 20_000, 1);
        // D ≈ 400 ± 20, so D² has a relative sd near 0.1 and its mean over 20,000 rows a standard error near 0.07%.
        Assert.Equal(closed, mc, closed * 0.005);
        // The figure for 25-wide subsets.
        Assert.Equal(1.60e-5, closed, 0.01e-5);
    }

    [Fact]
    public void Twenty_six_wide_subsets_reproduce_the_papers_R_thresholds()
    {
        // The paper's R code used 26-wide subsets overlapping by 13: + 1.4786e-5, − 1.3844e-8, × 0.16001.
        var add = SubsetTask.Explicit(100, (0, 26), (13, 39), UnitOperation.Add);
        Assert.Equal(1.4786e-5, ClosedFormAdd(add, 2, 6), 0.0005e-5);
        var sub = add with { Operation = UnitOperation.Sub };
        Assert.Equal(1.3844e-8, SuccessThreshold.MonteCarlo(sub, InputRange.Uniform(2, 6), Epsilon, 40_000, 2), 0.03e-8);
        var mul = add with { Operation = UnitOperation.Mul };
        Assert.Equal(0.16001, SuccessThreshold.MonteCarlo(mul, InputRange.Uniform(2, 6), Epsilon, 40_000, 2), 0.003);
    }

    [Fact]
    public void Sparsity_error_is_the_worst_distance_to_minus_one_zero_or_one()
    {
        Assert.Equal(0, SparsityErrors.Of([0, 1, -1, 0, 1]));
        Assert.Equal(0.3, SparsityErrors.Of([0, 1, -1, 0.3, 0.9]), 12);
        Assert.Equal(0.5, SparsityErrors.Of([0.5, -0.5]), 12);
        Assert.Equal(0.2, SparsityErrors.Of([-1.2, 0.05]), 12);
    }

    [Theory]
    // Worked values: 0/n has upper end z²/(n + z²); 5/10 is the textbook 0.2366–0.7634.
    [InlineData(0, 10, 0.0, 0.277533)]
    [InlineData(10, 10, 0.722467, 1.0)]
    [InlineData(5, 10, 0.236593, 0.763407)]
    public void Wilson_interval_matches_worked_values(int successes, int trials, double lower, double upper)
    {
        var interval = WilsonInterval.Of(successes, trials);
        Assert.Equal(lower, interval.Lower, 5);
        Assert.Equal(upper, interval.Upper, 5);
    }

    [Fact]
    public void Outcome_judges_at_the_best_validation_step_and_solved_at_is_the_first_evaluation_below_the_threshold()
    {
        UnitsEvaluation[] evaluations =
        [
            new(0, 9, 0, 5.0, 40, 0.5),
            new(1000, 1, 0, 0.5, 0.05, 0.4),     // first below the threshold 0.1
            new(2000, 1, 0, 0.1, 0.2, 0.01),     // best validation, test above the threshold
            new(3000, 1, 0, double.NaN, double.NaN, 0.5),
        ];
        var outcome = SeedOutcome.From(0, 0.1, evaluations);
        Assert.Equal(2000, outcome.BestStep);
        Assert.False(outcome.Success);
        Assert.Equal(1000, outcome.SolvedAt);
        Assert.Equal(0.01, outcome.SparsityErrorAtBest);
    }
}
