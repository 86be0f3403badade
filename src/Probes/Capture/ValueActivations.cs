using ArithLab.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Probes.Capture;

/// <summary>
/// "Activations as a function of a number's value": one row per problem (or token), the activation
/// vector at one position of each. With a batch ordered by value (a = 0, 1, …, N−1 with b fixed)
/// the rows are indexed by that value, ready for <c>FourierAnalysis</c> and <c>HelixFit</c>.
/// </summary>
public static class ValueActivations
{
    /// <summary>
    /// Row i = the activation at <paramref name="hook"/> of batch row i at token <paramref name="positions"/>[i];
    /// per-head hooks (B, nh, T, …) give every head's values side by side.
    /// </summary>
    public static Matrix<double> At(ActivationCache cache, string hook, IReadOnlyList<int> positions)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(positions);
        var activation = cache[hook];
        var perHead = hook.Contains(".attn.hook_", StringComparison.Ordinal);
        var timeDim = perHead ? 2 : 1;
        var batch = (int)activation.Size(0);
        if (positions.Count != batch)
        {
            throw new ArgumentException($"{positions.Count} positions for a batch of {batch}", nameof(positions));
        }
        var rows = new double[batch][];
        using var scope = DisposeScope.Begin();
        for (var i = 0; i < batch; i++)
        {
            var atPosition = activation.Select(0, i).Select(timeDim - 1, positions[i]);   // (C) or (nh, …)
            rows[i] = atPosition.Flatten().To(ScalarType.Float64).Contiguous().ToArray<double>();
        }
        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    /// <summary>Rows <paramref name="tokenIds"/> of a (V, C) matrix such as the token embedding: one row per number token.</summary>
    public static Matrix<double> Rows(Tensor matrix, IReadOnlyList<int> tokenIds)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (matrix.Dim != 2)
        {
            throw new ArgumentException($"expected a (V, C) matrix, got [{string.Join(", ", matrix.Shape)}]", nameof(matrix));
        }
        var all = ToMatrix(matrix);
        return Matrix<double>.Build.DenseOfRowVectors(tokenIds.Select(all.Row));
    }

    /// <summary>A 2-D tensor as a matrix of doubles.</summary>
    public static Matrix<double> ToMatrix(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        using var scope = DisposeScope.Begin();
        var values = matrix.Detach().To(ScalarType.Float64).Contiguous().ToArray<double>();
        var (rows, columns) = ((int)matrix.Size(0), (int)matrix.Size(1));
        return Matrix<double>.Build.Dense(rows, columns, (r, c) => values[(long)r * columns + c]);
    }
}
