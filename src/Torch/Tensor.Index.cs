using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Indexing: subscripts x[...], select and slice, gathers and scatters, masks and where.
public sealed partial class Tensor
{
    /// <summary>
    /// PyTorch subscripting: <c>x[0]</c>, <c>x[.., 1..3]</c>, <c>x[TensorIndex.Ellipsis, TensorIndex.NewAxis]</c>,
    /// <c>x[indices]</c>, <c>x[mask]</c>. Integers and slices give views; tensor indices copy.
    /// Assigning writes into this tensor in place (<see cref="IndexPut_(TensorIndex[], Tensor)"/>).
    /// </summary>
    // Named so that it does not clash with Item(), the scalar read-out.
    [System.Runtime.CompilerServices.IndexerName("Subscript")]
    public Tensor this[params TensorIndex[] indices]
    {
        get => Index(indices);
        set => IndexPut_(indices, value);
    }

    /// <summary>The subscript <c>x[indices]</c> as a method.</summary>
    public unsafe Tensor Index(params TensorIndex[] indices)
    {
        var native = ToNative(indices);
        fixed (AlIndex* p = native)
        {
            var status = NativeMethods.al_index(Handle, p, native.Length, out var r);
            GC.KeepAlive(indices);
            return Status.Wrap(status, r);
        }
    }

    /// <summary>Writes <paramref name="value"/> (broadcast) into <c>x[indices]</c> in place; returns this tensor.</summary>
    public unsafe Tensor IndexPut_(TensorIndex[] indices, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var native = ToNative(indices);
        fixed (AlIndex* p = native)
        {
            var status = NativeMethods.al_index_put_(Handle, p, native.Length, value.Handle);
            GC.KeepAlive(indices);
            Status.Check(status);
        }
        return this;
    }

    /// <summary>Sets every element of <c>x[indices]</c> to <paramref name="value"/> in place; returns this tensor.</summary>
    public Tensor IndexPut_(TensorIndex[] indices, double value) => IndexPutScalar(indices, AlScalar.Of(value));

    public Tensor IndexPut_(TensorIndex[] indices, long value) => IndexPutScalar(indices, AlScalar.Of(value));

    private unsafe Tensor IndexPutScalar(TensorIndex[] indices, AlScalar value)
    {
        var native = ToNative(indices);
        fixed (AlIndex* p = native)
        {
            var status = NativeMethods.al_index_put_scalar_(Handle, p, native.Length, value);
            GC.KeepAlive(indices);
            Status.Check(status);
        }
        return this;
    }

    private static AlIndex[] ToNative(TensorIndex[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var native = new AlIndex[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            native[i] = (indices[i] ?? throw new ArgumentException($"index {i} is null", nameof(indices))).ToNative();
        }
        return native;
    }

    /// <summary>The view at position <paramref name="index"/> of <paramref name="dim"/>, which is removed (x.select).</summary>
    public Tensor Select(int dim, long index) => Status.Wrap(NativeMethods.al_select(Handle, dim, index, out var r), r);

    /// <summary>The view <c>start:end:step</c> along <paramref name="dim"/>; null bounds are open; bounds clamp as in Python.</summary>
    public Tensor Slice(int dim, long? start = null, long? end = null, long step = 1) =>
        Status.Wrap(NativeMethods.al_slice(Handle, dim, start.HasValue ? 1 : 0, start ?? 0, end.HasValue ? 1 : 0, end ?? 0, step, out var r), r);

    /// <summary>The entries at the int64 positions <paramref name="index"/> (1-D) along <paramref name="dim"/> (a copy).</summary>
    public Tensor IndexSelect(int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Status.Wrap(NativeMethods.al_index_select(Handle, dim, index.Handle, out var r), r);
    }

    /// <summary>out[i][j] = x[index[i][j]][j] for dim 0 (and likewise for other dims), as torch.gather.</summary>
    public Tensor Gather(int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Status.Wrap(NativeMethods.al_gather(Handle, dim, index.Handle, out var r), r);
    }

    /// <summary>A copy of this tensor with out[index[i][j]][j] += source[i][j] (dim 0; likewise for others), as torch.scatter_add.</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        return Status.Wrap(NativeMethods.al_scatter_add(Handle, dim, index.Handle, source.Handle, out var r), r);
    }

    /// <summary>A copy with <paramref name="value"/> where the bool <paramref name="mask"/> (broadcast) is true.</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Status.Wrap(NativeMethods.al_masked_fill(Handle, mask.Handle, AlScalar.Of(value), out var r), r);
    }

    public Tensor MaskedFill(Tensor mask, long value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Status.Wrap(NativeMethods.al_masked_fill(Handle, mask.Handle, AlScalar.Of(value), out var r), r);
    }

    /// <summary>A copy with the zero-dimensional tensor <paramref name="value"/> where <paramref name="mask"/> is true (differentiable in the value).</summary>
    public Tensor MaskedFill(Tensor mask, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(value);
        return Status.Wrap(NativeMethods.al_masked_fill_tensor(Handle, mask.Handle, value.Handle, out var r), r);
    }

    /// <summary>Elementwise <c>condition ? a : b</c> with broadcasting.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Status.Wrap(NativeMethods.al_where(condition.Handle, a.Handle, b.Handle, out var r), r);
    }

    public static Tensor Where(Tensor condition, Tensor a, double b) => WhereScalarOther(condition, a, AlScalar.Of(b));

    public static Tensor Where(Tensor condition, Tensor a, long b) => WhereScalarOther(condition, a, AlScalar.Of(b));

    public static Tensor Where(Tensor condition, double a, Tensor b) => WhereScalarSelf(condition, AlScalar.Of(a), b);

    public static Tensor Where(Tensor condition, long a, Tensor b) => WhereScalarSelf(condition, AlScalar.Of(a), b);

    private static Tensor WhereScalarOther(Tensor condition, Tensor a, AlScalar b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        return Status.Wrap(NativeMethods.al_where_scalar_other(condition.Handle, a.Handle, b, out var r), r);
    }

    private static Tensor WhereScalarSelf(Tensor condition, AlScalar a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(b);
        return Status.Wrap(NativeMethods.al_where_scalar_self(condition.Handle, a, b.Handle, out var r), r);
    }
}
