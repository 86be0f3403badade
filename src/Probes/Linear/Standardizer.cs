using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Linear;

/// <summary>Per-feature mean and standard deviation of some rows, applied to all rows (constant features stay 0).</summary>
internal sealed record Standardizer(Vector<double> Mean, Vector<double> Scale)
{
    public static Standardizer FromRows(Matrix<double> features, IReadOnlyList<int> rows)
    {
        var part = features.SubRows(rows);
        var mean = part.ColumnSums() / part.RowCount;
        var scale = Vector<double>.Build.Dense(features.ColumnCount, c =>
        {
            var sd = Math.Sqrt(part.Column(c).Select(v => (v - mean[c]) * (v - mean[c])).Average());
            return sd > 1e-12 ? sd : 1;
        });
        return new Standardizer(mean, scale);
    }

    public Matrix<double> Apply(Matrix<double> features) =>
        Matrix<double>.Build.Dense(features.RowCount, features.ColumnCount, (r, c) => (features[r, c] - Mean[c]) / Scale[c]);
}
