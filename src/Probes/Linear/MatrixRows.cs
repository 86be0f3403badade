using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Linear;

/// <summary>Picks rows of a matrix by index, in the order given.</summary>
internal static class MatrixRows
{
    public static Matrix<double> SubRows(this Matrix<double> m, IReadOnlyList<int> rows) =>
        Matrix<double>.Build.DenseOfRowVectors(rows.Select(m.Row));
}
