namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// The region in which a low-precision recipe computes matmuls, like autocast: thread-local, so
/// each batch shard's thread opens its own, and nested regions restore the outer one on dispose.
/// Outside any region matmuls run in plain float32.
/// <code>
/// using (MatMulPrecision.Enable(recipe))
/// {
///     logits = model.Logits(ids, positions);   // every Linear and attention matmul goes through recipe
/// }
/// </code>
/// </summary>
public static class MatMulPrecision
{
    [ThreadStatic]
    private static IMatMulPrecision? t_current;

    /// <summary>The recipe in force on this thread, or null.</summary>
    public static IMatMulPrecision? Current => t_current;

    public static IDisposable Enable(IMatMulPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        var region = new Region(t_current);
        t_current = precision;
        return region;
    }

    /// <summary>input · weightᵀ + bias, through the recipe in force.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias, object owner) =>
        t_current is { } p ? p.Linear(input, weight, bias, new MatMulSite(owner)) : Functional.Linear(input, weight, bias);

    /// <summary>a · b, through the recipe in force.</summary>
    public static Tensor MatMul(Tensor a, Tensor b, object owner, int index) =>
        t_current is { } p ? p.MatMul(a, b, new MatMulSite(owner, index)) : Tensor.MatMul(a, b);

    private sealed class Region(IMatMulPrecision? outer) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                t_current = outer;
                _disposed = true;
            }
        }
    }
}
