using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Shapes: views and reshapes, joining and splitting, repeat, flip, triangles. Views share
// storage with their input (as in PyTorch); a write through one shows in the other.
public sealed partial class Tensor
{
    /// <summary>A view with another shape over the same elements; one size may be -1. Fails when the strides do not allow a view (use <see cref="Reshape"/>).</summary>
    public unsafe Tensor View(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_view(Handle, dims, shape.Length, out var r), r);
        }
    }

    /// <summary>Another shape over the same elements: a view when possible, else a copy.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_reshape(Handle, dims, shape.Length, out var r), r);
        }
    }

    /// <summary>The dimensions reordered: result dim i is input dim <c>dims[i]</c>.</summary>
    public unsafe Tensor Permute(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var wide = Array.ConvertAll(dims, d => (long)d);
        fixed (long* p = wide)
        {
            return Status.Wrap(NativeMethods.al_permute(Handle, p, wide.Length, out var r), r);
        }
    }

    public Tensor Transpose(int dim0, int dim1) => Status.Wrap(NativeMethods.al_transpose(Handle, dim0, dim1, out var r), r);

    /// <summary>The transpose of a matrix (tensors of at most 2 dimensions), as torch.t.</summary>
    public Tensor T() => Status.Wrap(NativeMethods.al_t(Handle, out var r), r);

    /// <summary>The same elements in row-major memory; a new handle to the same tensor when already so.</summary>
    public Tensor Contiguous() => Status.Wrap(NativeMethods.al_contiguous(Handle, out var r), r);

    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor Squeeze() => Status.Wrap(NativeMethods.al_squeeze(Handle, out var r), r);

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1; otherwise returns a view of the same shape.</summary>
    public Tensor Squeeze(int dim) => Status.Wrap(NativeMethods.al_squeeze_dim(Handle, dim, out var r), r);

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (negative counts from the end of the result).</summary>
    public Tensor Unsqueeze(int dim) => Status.Wrap(NativeMethods.al_unsqueeze(Handle, dim, out var r), r);

    /// <summary>A broadcast view: size-1 dimensions repeated without copying; -1 keeps a size.</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_expand(Handle, dims, shape.Length, out var r), r);
        }
    }

    public Tensor ExpandAs(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Status.Wrap(NativeMethods.al_expand_as(Handle, other.Handle, out var r), r);
    }

    /// <summary>Merges dimensions <paramref name="startDim"/> to <paramref name="endDim"/> (inclusive) into one.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1) =>
        Status.Wrap(NativeMethods.al_flatten(Handle, startDim, endDim, out var r), r);

    /// <summary>Joins tensors along an existing dimension; all other sizes must match.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Joins equally shaped tensors along a new dimension <paramref name="dim"/>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, int dim, bool stack)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = (tensors[i] ?? throw new ArgumentException($"tensor {i} is null", nameof(tensors))).Handle.DangerousGetHandle();
        }
        fixed (IntPtr* p = handles)
        {
            var status = stack
                ? NativeMethods.al_stack(p, handles.Length, dim, out var r)
                : NativeMethods.al_cat(p, handles.Length, dim, out r);
            GC.KeepAlive(tensors);
            return Status.Wrap(status, r);
        }
    }

    /// <summary>Views of consecutive pieces of <paramref name="splitSize"/> along <paramref name="dim"/>; the last may be smaller.</summary>
    public unsafe Tensor[] Split(long splitSize, int dim = 0) =>
        CollectResults((IntPtr* results, long capacity, out long count) =>
            NativeMethods.al_split(Handle, splitSize, dim, results, capacity, out count));

    /// <summary>Views of consecutive pieces with the given sizes, which must add up to the size of <paramref name="dim"/>.</summary>
    public unsafe Tensor[] Split(ReadOnlySpan<long> sizes, int dim = 0)
    {
        var copy = sizes.ToArray();
        return CollectResults((IntPtr* results, long capacity, out long count) =>
        {
            fixed (long* p = copy)
            {
                return NativeMethods.al_split_with_sizes(Handle, p, copy.Length, dim, results, capacity, out count);
            }
        });
    }

    /// <summary>At most <paramref name="chunks"/> views of equal size (the last may be smaller), as torch.chunk.</summary>
    public unsafe Tensor[] Chunk(int chunks, int dim = 0) =>
        CollectResults((IntPtr* results, long capacity, out long count) =>
            NativeMethods.al_chunk(Handle, chunks, dim, results, capacity, out count));

    private unsafe delegate int ListCall(IntPtr* results, long capacity, out long count);

    // Asks for the count first, then for the handles.
    private static unsafe Tensor[] CollectResults(ListCall call)
    {
        Status.Check(call(null, 0, out var count));
        var handles = new IntPtr[count];
        fixed (IntPtr* p = handles)
        {
            Status.Check(call(p, handles.Length, out count));
        }
        return Array.ConvertAll(handles, h => new Tensor(h));
    }

    /// <summary>The view of <paramref name="length"/> elements from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public Tensor Narrow(int dim, long start, long length) =>
        Status.Wrap(NativeMethods.al_narrow(Handle, dim, start, length, out var r), r);

    /// <summary>Tiles the tensor: dimension i repeated <c>repeats[i]</c> times (a copy, unlike <see cref="Expand"/>).</summary>
    public unsafe Tensor Repeat(params long[] repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        fixed (long* p = repeats)
        {
            return Status.Wrap(NativeMethods.al_repeat(Handle, p, repeats.Length, out var r), r);
        }
    }

    /// <summary>Reverses the order of elements along the given dimensions (a copy).</summary>
    public unsafe Tensor Flip(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var wide = Array.ConvertAll(dims, d => (long)d);
        fixed (long* p = wide)
        {
            return Status.Wrap(NativeMethods.al_flip(Handle, p, wide.Length, out var r), r);
        }
    }

    /// <summary>The lower triangle of the last two dimensions: elements with column − row ≤ <paramref name="diagonal"/>; the rest zero.</summary>
    public Tensor Tril(long diagonal = 0) => Status.Wrap(NativeMethods.al_tril(Handle, diagonal, out var r), r);

    /// <summary>The upper triangle of the last two dimensions: elements with column − row ≥ <paramref name="diagonal"/>; the rest zero.</summary>
    public Tensor Triu(long diagonal = 0) => Status.Wrap(NativeMethods.al_triu(Handle, diagonal, out var r), r);
}
