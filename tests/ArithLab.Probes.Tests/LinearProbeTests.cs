using ArithLab.Probes.Linear;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Tests;

public class LinearProbeTests
{
    private const int Rows = 400;

    [Fact]
    public void Ridge_finds_a_planted_linear_value()
    {
        var (x, direction) = Features(seed: 1);
        var labels = Enumerable.Range(0, Rows).Select(i => x.Row(i) * direction).ToArray();
        var random = new Random(9);
        var noisy = x + Matrix<double>.Build.Dense(Rows, x.ColumnCount, (_, _) => 0.05 * Planted.Gaussian(random));

        var result = RidgeProbe.Fit(noisy, labels, ProbeSplit.Of(Rows, seed: 1), lambda: 1e-3);

        Assert.True(result.TestRSquared > 0.98, $"held-out R² {result.TestRSquared}");
    }

    [Fact]
    public void Logistic_finds_a_planted_linear_class()
    {
        var (x, direction) = Features(seed: 2);
        // Three classes cut along one direction.
        var labels = Enumerable.Range(0, Rows).Select(i => x.Row(i) * direction is var s && s < -0.5 ? 0 : s < 0.5 ? 1 : 2).ToArray();

        var result = LogisticProbe.Fit(x, labels, ProbeSplit.Of(Rows, seed: 2), iterations: 500);

        Assert.True(result.TestAccuracy > 0.9, $"held-out accuracy {result.TestAccuracy}");
        Assert.Equal(3, result.Classes);
    }

    [Fact]
    public void Shuffled_labels_score_at_chance()
    {
        var (x, _) = Features(seed: 3);
        var random = new Random(3);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.Next(10)).ToArray();
        var values = labels.Select(l => (double)l).ToArray();
        var split = ProbeSplit.Of(Rows, seed: 3);

        var logistic = LogisticProbe.Fit(x, labels, split);
        var ridge = RidgeProbe.Fit(x, values, split, lambda: 10);

        // 10 classes: chance is about 0.1; 100 held-out rows put 2 standard errors near ±0.06.
        Assert.InRange(logistic.TestAccuracy, 0.0, 0.2);
        Assert.True(logistic.TrainAccuracy > logistic.TestAccuracy, "it can memorise the training rows, not generalise");
        Assert.True(ridge.TestRSquared < 0.05, $"held-out R² {ridge.TestRSquared}");
    }

    [Fact]
    public void The_split_is_a_seeded_partition()
    {
        var split = ProbeSplit.Of(100, 0.25, seed: 4);

        Assert.Equal(Enumerable.Range(0, 100), split.Train.Concat(split.Test).Order());
        Assert.Equal(25, split.Test.Count);
        Assert.Equal(split.Test, ProbeSplit.Of(100, 0.25, seed: 4).Test);
    }

    private static (Matrix<double> X, Vector<double> Direction) Features(int seed)
    {
        var random = new Random(seed);
        var x = Matrix<double>.Build.Dense(Rows, 20, (_, _) => Planted.Gaussian(random));
        var direction = Vector<double>.Build.Dense(20, _ => Planted.Gaussian(random));
        return (x, direction / direction.L2Norm());
    }
}
