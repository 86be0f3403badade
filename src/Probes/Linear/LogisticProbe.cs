using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Linear;

/// <summary>
/// Multinomial logistic regression from activations to a class (an operand digit, the carry into a
/// position, a sum digit): softmax over W·x + b with an L2 penalty, fitted by full-batch gradient
/// descent on standardised features, scored by accuracy on held-out rows. Chance is the share of
/// the commonest training class, the score of always guessing it.
/// </summary>
public static class LogisticProbe
{
    public sealed record Result(double TrainAccuracy, double TestAccuracy, double Chance, int Classes);

    public static Result Fit(Matrix<double> features, IReadOnlyList<int> labels, ProbeSplit split, double l2 = 1e-3, int iterations = 300, double learningRate = 0.5)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(split);
        if (labels.Any(l => l < 0))
        {
            throw new ArgumentException("class labels must be 0 or more", nameof(labels));
        }
        var classes = labels.Max() + 1;
        var x = Standardizer.FromRows(features, split.Train).Apply(features);
        var train = x.SubRows(split.Train);
        var n = train.RowCount;
        var targets = Matrix<double>.Build.Dense(n, classes, (r, c) => labels[split.Train[r]] == c ? 1 : 0);
        var w = Matrix<double>.Build.Dense(x.ColumnCount, classes);
        var b = Vector<double>.Build.Dense(classes);
        for (var step = 0; step < iterations; step++)
        {
            var error = (Softmax(train * w, b) - targets) / n;                   // (n, K): ∂loss/∂logits
            w -= learningRate * (train.TransposeThisAndMultiply(error) + l2 * w);
            b -= learningRate * error.ColumnSums();
        }
        double Accuracy(IReadOnlyList<int> rows)
        {
            var probabilities = Softmax(x.SubRows(rows) * w, b);
            return rows.Select((row, i) => probabilities.Row(i).MaximumIndex() == labels[row] ? 1.0 : 0.0).Average();
        }
        var chance = split.Train.GroupBy(i => labels[i]).Max(g => g.Count()) / (double)n;
        return new Result(Accuracy(split.Train), Accuracy(split.Test), chance, classes);
    }

    private static Matrix<double> Softmax(Matrix<double> logits, Vector<double> bias)
    {
        var result = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);
        for (var r = 0; r < logits.RowCount; r++)
        {
            var row = logits.Row(r) + bias;
            var max = row.Maximum();
            var e = row.Map(v => Math.Exp(v - max));
            result.SetRow(r, e / e.Sum());
        }
        return result;
    }
}
