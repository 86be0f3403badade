using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>
/// One entry of a subscript <c>x[...]</c>, with PyTorch's meaning:
/// <list type="table">
/// <item><term><c>x[1]</c>, <c>x[^1]</c></term><description>an integer picks one position and removes the dimension (negative and ^ count from the end)</description></item>
/// <item><term><c>x[1..3]</c>, <c>x[..^1]</c>, <c>TensorIndex.Slice(0, null, 2)</c></term><description>a slice keeps the dimension (Python's 1:3, :-1, 0::2)</description></item>
/// <item><term><c>TensorIndex.Ellipsis</c></term><description>as many full slices as needed (Python's ...)</description></item>
/// <item><term><c>TensorIndex.NewAxis</c></term><description>inserts a dimension of size 1 (Python's None)</description></item>
/// <item><term>a tensor</term><description>int64 indices (advanced indexing) or a bool mask</description></item>
/// </list>
/// </summary>
public sealed class TensorIndex
{
    private const int IntegerKind = 0, SliceKind = 1, EllipsisKind = 2, NewAxisKind = 3, BooleanKind = 4, TensorKind = 5;

    private readonly int _kind;
    private readonly long _start;
    private readonly long? _sliceStart;
    private readonly long? _sliceStop;
    private readonly long _step;
    private readonly Tensor? _tensor;

    private TensorIndex(int kind, long start = 0, long? sliceStart = null, long? sliceStop = null, long step = 1, Tensor? tensor = null)
    {
        _kind = kind;
        _start = start;
        _sliceStart = sliceStart;
        _sliceStop = sliceStop;
        _step = step;
        _tensor = tensor;
    }

    /// <summary>Python's <c>...</c>.</summary>
    public static TensorIndex Ellipsis { get; } = new(EllipsisKind);

    /// <summary>Python's <c>None</c> in a subscript: a new dimension of size 1.</summary>
    public static TensorIndex NewAxis { get; } = new(NewAxisKind);

    /// <summary>One position; the dimension is removed.</summary>
    public static TensorIndex Single(long index) => new(IntegerKind, start: index);

    /// <summary>Python's <c>start:stop:step</c>; a null bound is open. libtorch requires a positive step.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1) =>
        new(SliceKind, sliceStart: start, sliceStop: stop, step: step);

    /// <summary>Python's <c>x[True]</c> / <c>x[False]</c>: a new dimension of size 1 or 0.</summary>
    public static TensorIndex Bool(bool value) => new(BooleanKind, start: value ? 1 : 0);

    /// <summary>An int64 index tensor or a bool mask.</summary>
    public static TensorIndex Tensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(TensorKind, tensor: tensor);
    }

    public static implicit operator TensorIndex(long index) => Single(index);

    public static implicit operator TensorIndex(int index) => Single(index);

    /// <summary><c>^k</c> is position −k, as Python's negative index.</summary>
    public static implicit operator TensorIndex(Index index) => Single(FromIndex(index));

    /// <summary><c>a..b</c> is the slice <c>a:b</c>; <c>^k</c> bounds are −k; an open end (<c>a..</c>, <c>^0</c>) runs to the end.</summary>
    public static implicit operator TensorIndex(Range range)
    {
        // A start of ^0 means "at the end": an empty slice.
        long? start = range.Start.IsFromEnd
            ? (range.Start.Value == 0 ? long.MaxValue : -(long)range.Start.Value)
            : range.Start.Value == 0 ? null : range.Start.Value;
        long? stop = range.End.IsFromEnd
            ? (range.End.Value == 0 ? null : -(long)range.End.Value)
            : range.End.Value;
        return Slice(start, stop);
    }

    public static implicit operator TensorIndex(bool value) => Bool(value);

    public static implicit operator TensorIndex(Tensor tensor) => Tensor(tensor);

    private static long FromIndex(Index index)
    {
        if (index.IsFromEnd && index.Value == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "^0 is one past the last position and cannot be indexed");
        }
        return index.IsFromEnd ? -(long)index.Value : index.Value;
    }

    /// <summary>The native layout; the tensor, if any, must be kept alive until the call returns.</summary>
    internal AlIndex ToNative() => new()
    {
        Kind = _kind,
        Flags = (_sliceStart.HasValue ? 1 : 0) | (_sliceStop.HasValue ? 2 : 0),
        Start = _kind == SliceKind ? _sliceStart ?? 0 : _start,
        Stop = _sliceStop ?? 0,
        Step = _step,
        Tensor = _tensor is null ? IntPtr.Zero : _tensor.Handle.DangerousGetHandle(),
    };

    public override string ToString() => _kind switch
    {
        IntegerKind => _start.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SliceKind => $"{_sliceStart}:{_sliceStop}" + (_step == 1 ? "" : $":{_step}"),
        EllipsisKind => "...",
        NewAxisKind => "None",
        BooleanKind => _start != 0 ? "True" : "False",
        _ => _tensor?.ToString() ?? "tensor",
    };
}
