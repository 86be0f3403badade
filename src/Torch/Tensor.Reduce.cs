using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Reductions. A reduction over dims drops them unless keepDim is set (then they stay with
// size 1); negative dims count from the end. dtype, where offered, is the accumulation and
// result dtype (e.g. sum float16 values in float32).
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (a zero-dimensional tensor).</summary>
    public Tensor Sum() => Status.Wrap(NativeMethods.al_sum(Handle, out var r), r);

    public Tensor Sum(int dim, bool keepDim = false, ScalarType? dtype = null) => Sum(new[] { dim }, keepDim, dtype);

    public unsafe Tensor Sum(int[] dims, bool keepDim = false, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var d = ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_sum_dims(Handle, p, d.Length, keepDim ? 1 : 0, DTypeCode(dtype), out var r), r);
        }
    }

    /// <summary>The mean of all elements; integer tensors need a floating <paramref name="dtype"/>.</summary>
    public unsafe Tensor Mean(ScalarType? dtype = null) =>
        Status.Wrap(NativeMethods.al_mean_dims(Handle, null, -1, 0, DTypeCode(dtype), out var r), r);

    public Tensor Mean(int dim, bool keepDim = false, ScalarType? dtype = null) => Mean(new[] { dim }, keepDim, dtype);

    public unsafe Tensor Mean(int[] dims, bool keepDim = false, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var d = ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_mean_dims(Handle, p, d.Length, keepDim ? 1 : 0, DTypeCode(dtype), out var r), r);
        }
    }

    /// <summary>Variance over <paramref name="dim"/> (all elements when null); unbiased divides by N − 1.</summary>
    public Tensor Var(int? dim = null, bool unbiased = true, bool keepDim = false) =>
        Var(dim is int d ? new[] { d } : null, unbiased ? 1 : 0, keepDim);

    /// <summary>Variance with Bessel's correction generalised: Σ(x − mean)² / (N − correction).</summary>
    public unsafe Tensor Var(int[]? dims, long correction, bool keepDim = false)
    {
        var d = dims is null ? null : ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_var(Handle, p, d?.Length ?? -1, correction, keepDim ? 1 : 0, out var r), r);
        }
    }

    /// <summary>Standard deviation over <paramref name="dim"/> (all elements when null).</summary>
    public Tensor Std(int? dim = null, bool unbiased = true, bool keepDim = false) =>
        Std(dim is int d ? new[] { d } : null, unbiased ? 1 : 0, keepDim);

    public unsafe Tensor Std(int[]? dims, long correction, bool keepDim = false)
    {
        var d = dims is null ? null : ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_std(Handle, p, d?.Length ?? -1, correction, keepDim ? 1 : 0, out var r), r);
        }
    }

    public Tensor Prod() => Status.Wrap(NativeMethods.al_prod(Handle, out var r), r);

    public Tensor Prod(int dim, bool keepDim = false) => Status.Wrap(NativeMethods.al_prod_dim(Handle, dim, keepDim ? 1 : 0, out var r), r);

    /// <summary>Running sums along <paramref name="dim"/>; integer inputs accumulate in int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public Tensor CumSum(int dim, ScalarType? dtype = null) => Status.Wrap(NativeMethods.al_cumsum(Handle, dim, DTypeCode(dtype), out var r), r);

    /// <summary>The vector p-norm (torch.linalg.vector_norm) over <paramref name="dims"/>, all elements when null.
    /// p may be <see cref="double.PositiveInfinity"/> (max |x|) or 0 (count of non-zeros).</summary>
    public unsafe Tensor Norm(double p = 2.0, int[]? dims = null, bool keepDim = false)
    {
        var d = dims is null ? null : ToLongs(dims);
        fixed (long* q = d)
        {
            return Status.Wrap(NativeMethods.al_norm(Handle, p, q, d?.Length ?? -1, keepDim ? 1 : 0, out var r), r);
        }
    }

    public Tensor Norm(double p, int dim, bool keepDim = false) => Norm(p, new[] { dim }, keepDim);

    /// <summary>log Σ exp(x) over <paramref name="dims"/>, computed without overflow.</summary>
    public unsafe Tensor LogSumExp(int[] dims, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var d = ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_logsumexp(Handle, p, d.Length, keepDim ? 1 : 0, out var r), r);
        }
    }

    public Tensor LogSumExp(int dim, bool keepDim = false) => LogSumExp(new[] { dim }, keepDim);

    /// <summary>The largest element (a zero-dimensional tensor).</summary>
    public Tensor Max() => Status.Wrap(NativeMethods.al_max(Handle, out var r), r);

    public Tensor Min() => Status.Wrap(NativeMethods.al_min(Handle, out var r), r);

    /// <summary>The largest values along <paramref name="dim"/> and where they are (int64).</summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepDim = false)
    {
        var status = NativeMethods.al_max_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices);
        return (Status.Wrap(status, values), new Tensor(indices));
    }

    public (Tensor Values, Tensor Indices) Min(int dim, bool keepDim = false)
    {
        var status = NativeMethods.al_min_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices);
        return (Status.Wrap(status, values), new Tensor(indices));
    }

    /// <summary>Index of the largest element along <paramref name="dim"/>, or into the flattened tensor when null.</summary>
    public Tensor ArgMax(int? dim = null, bool keepDim = false) =>
        Status.Wrap(NativeMethods.al_argmax(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepDim ? 1 : 0, out var r), r);

    public Tensor ArgMin(int? dim = null, bool keepDim = false) =>
        Status.Wrap(NativeMethods.al_argmin(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepDim ? 1 : 0, out var r), r);

    /// <summary>The maximum over several dims, without indices (all dims when none are given).</summary>
    public unsafe Tensor Amax(int[] dims, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var d = ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_amax(Handle, p, d.Length, keepDim ? 1 : 0, out var r), r);
        }
    }

    public Tensor Amax(int dim, bool keepDim = false) => Amax(new[] { dim }, keepDim);

    public unsafe Tensor Amin(int[] dims, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var d = ToLongs(dims);
        fixed (long* p = d)
        {
            return Status.Wrap(NativeMethods.al_amin(Handle, p, d.Length, keepDim ? 1 : 0, out var r), r);
        }
    }

    public Tensor Amin(int dim, bool keepDim = false) => Amin(new[] { dim }, keepDim);

    /// <summary>The <paramref name="k"/> largest (or smallest) values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor Values, Tensor Indices) TopK(long k, int dim = -1, bool largest = true, bool sorted = true)
    {
        var status = NativeMethods.al_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var values, out var indices);
        return (Status.Wrap(status, values), new Tensor(indices));
    }

    /// <summary>Whether every element is non-zero (a zero-dimensional bool tensor).</summary>
    public Tensor All() => Status.Wrap(NativeMethods.al_all(Handle, out var r), r);

    public Tensor All(int dim, bool keepDim = false) => Status.Wrap(NativeMethods.al_all_dim(Handle, dim, keepDim ? 1 : 0, out var r), r);

    /// <summary>Whether any element is non-zero (a zero-dimensional bool tensor).</summary>
    public Tensor Any() => Status.Wrap(NativeMethods.al_any(Handle, out var r), r);

    public Tensor Any(int dim, bool keepDim = false) => Status.Wrap(NativeMethods.al_any_dim(Handle, dim, keepDim ? 1 : 0, out var r), r);

    private static long[] ToLongs(int[] dims) => Array.ConvertAll(dims, d => (long)d);
}
