using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Helix;

/// <summary>Principal components of a matrix's rows (centred), by SVD.</summary>
public sealed class Pca
{
    public Pca(Matrix<double> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Mean = rows.ColumnSums() / rows.RowCount;
        var centred = rows - Matrix<double>.Build.DenseOfRowVectors(Enumerable.Repeat(Mean, rows.RowCount));
        var svd = centred.Svd(computeVectors: true);
        Components = svd.VT;                          // (D, D): row i = component i
        Variances = svd.S.Select(s => s * s).ToArray();
    }

    public Vector<double> Mean { get; }

    /// <summary>Components as rows, strongest first.</summary>
    public Matrix<double> Components { get; }

    /// <summary>Squared singular values, strongest first (the variance along each component, times N).</summary>
    public IReadOnlyList<double> Variances { get; }

    /// <summary>Share of the variance along the first <paramref name="k"/> components.</summary>
    public double Share(int k)
    {
        var total = Variances.Sum();
        return total == 0 ? 0 : Variances.Take(k).Sum() / total;
    }

    /// <summary>Rows projected onto the first <paramref name="k"/> components: (N, k).</summary>
    public Matrix<double> Project(Matrix<double> rows, int k)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var centred = rows - Matrix<double>.Build.DenseOfRowVectors(Enumerable.Repeat(Mean, rows.RowCount));
        return centred * Components.SubMatrix(0, Math.Min(k, Components.RowCount), 0, Components.ColumnCount).Transpose();
    }

    /// <summary>Projected rows (N, k) back in the original space (N, D).</summary>
    public Matrix<double> Reconstruct(Matrix<double> projected)
    {
        ArgumentNullException.ThrowIfNull(projected);
        var k = projected.ColumnCount;
        return projected * Components.SubMatrix(0, k, 0, Components.ColumnCount)
               + Matrix<double>.Build.DenseOfRowVectors(Enumerable.Repeat(Mean, projected.RowCount));
    }
}
