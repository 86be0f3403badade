using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Linear;

/// <summary>
/// Ridge regression from activations to a number (a value, a digit read as a number): features
/// standardised on the training rows, w = (XᵀX + λI)⁻¹ Xᵀ(y − ȳ), scored by R² on held-out rows.
/// </summary>
public static class RidgeProbe
{
    public sealed record Result(double TrainRSquared, double TestRSquared, Vector<double> Weights);

    public static Result Fit(Matrix<double> features, IReadOnlyList<double> labels, ProbeSplit split, double lambda = 1.0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(split);
        var standard = Standardizer.FromRows(features, split.Train);
        var x = standard.Apply(features);
        var train = x.SubRows(split.Train);
        var y = Vector<double>.Build.DenseOfEnumerable(split.Train.Select(i => labels[i]));
        var mean = y.Average();
        var gram = train.TransposeThisAndMultiply(train) + lambda * Matrix<double>.Build.DenseIdentity(x.ColumnCount);
        var w = gram.Cholesky().Solve(train.TransposeThisAndMultiply(y - mean));
        double Score(IReadOnlyList<int> rows)
        {
            var actual = rows.Select(i => labels[i]).ToArray();
            var predicted = rows.Select(i => x.Row(i) * w + mean).ToArray();
            var avg = actual.Average();
            var total = actual.Sum(v => (v - avg) * (v - avg));
            var residual = actual.Zip(predicted).Sum(p => (p.First - p.Second) * (p.First - p.Second));
            return total == 0 ? 0 : 1 - residual / total;
        }
        return new Result(Score(split.Train), Score(split.Test), w);
    }
}
