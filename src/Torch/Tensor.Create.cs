using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Creation: filled tensors, ranges, identity, "like" tensors and random tensors.
// Every factory makes a CPU tensor unless a device is given. Where the dtype is nullable,
// null lets libtorch infer it as PyTorch does (integers give int64, reals float32).
public sealed partial class Tensor
{
    private const int InferDType = -1;

    private static int DTypeCode(ScalarType? dtype) => dtype is { } t ? (int)t : InferDType;

    public static unsafe Tensor Zeros(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_zeros(dims, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
        }
    }

    public static Tensor Zeros(params long[] shape) => Zeros(shape.AsSpan());

    public static unsafe Tensor Ones(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_ones(dims, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
        }
    }

    public static Tensor Ones(params long[] shape) => Ones(shape.AsSpan());

    /// <summary>A tensor whose elements are whatever the allocator left there.</summary>
    public static unsafe Tensor Empty(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_empty(dims, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
        }
    }

    public static Tensor Empty(params long[] shape) => Empty(shape.AsSpan());

    /// <summary>Every element equal to <paramref name="value"/>; the dtype defaults to float32.</summary>
    public static Tensor Full(ReadOnlySpan<long> shape, double value, ScalarType? dtype = null, Device? device = null) =>
        Full(shape, AlScalar.Of(value), dtype, device);

    /// <summary>Every element equal to <paramref name="value"/>; the dtype defaults to int64, as torch.full with an int.</summary>
    public static Tensor Full(ReadOnlySpan<long> shape, long value, ScalarType? dtype = null, Device? device = null) =>
        Full(shape, AlScalar.Of(value), dtype, device);

    /// <summary>Every element equal to <paramref name="value"/>; the dtype defaults to bool.</summary>
    public static Tensor Full(ReadOnlySpan<long> shape, bool value, ScalarType? dtype = null, Device? device = null) =>
        Full(shape, AlScalar.Of(value), dtype, device);

    private static unsafe Tensor Full(ReadOnlySpan<long> shape, AlScalar value, ScalarType? dtype, Device? device)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_full(dims, shape.Length, value, DTypeCode(dtype), (int)d.Type, d.Index, out var r), r);
        }
    }

    /// <summary>0, 1, ..., end − 1 as int64 (torch.arange(end)).</summary>
    public static Tensor Arange(long end) => Arange(0, end);

    /// <summary>start, start + step, ... up to but excluding <paramref name="end"/>; int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public static Tensor Arange(long start, long end, long step = 1, ScalarType? dtype = null, Device? device = null) =>
        Arange(AlScalar.Of(start), AlScalar.Of(end), AlScalar.Of(step), dtype, device);

    /// <summary>0, 1, ... below <paramref name="end"/> as float32 (torch.arange(5.0)).</summary>
    public static Tensor Arange(double end) => Arange(0.0, end);

    /// <summary>start, start + step, ... below <paramref name="end"/>; float32 unless <paramref name="dtype"/> says otherwise.</summary>
    public static Tensor Arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null) =>
        Arange(AlScalar.Of(start), AlScalar.Of(end), AlScalar.Of(step), dtype, device);

    private static Tensor Arange(AlScalar start, AlScalar end, AlScalar step, ScalarType? dtype, Device? device)
    {
        var d = device ?? Device.Cpu;
        return Status.Wrap(NativeMethods.al_arange(start, end, step, DTypeCode(dtype), (int)d.Type, d.Index, out var r), r);
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end, both included.</summary>
    public static Tensor Linspace(double start, double end, long steps, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Status.Wrap(NativeMethods.al_linspace(AlScalar.Of(start), AlScalar.Of(end), steps, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>An n × m matrix (n × n when m is omitted) with ones on the diagonal.</summary>
    public static Tensor Eye(long n, long? m = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Status.Wrap(NativeMethods.al_eye(n, m ?? n, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>Zeros with the shape and device of <paramref name="like"/>, and its dtype unless one is given.</summary>
    public static Tensor ZerosLike(Tensor like, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Status.Wrap(NativeMethods.al_zeros_like(like.Handle, DTypeCode(dtype), out var r), r);
    }

    /// <summary>Ones with the shape and device of <paramref name="like"/>, and its dtype unless one is given.</summary>
    public static Tensor OnesLike(Tensor like, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Status.Wrap(NativeMethods.al_ones_like(like.Handle, DTypeCode(dtype), out var r), r);
    }

    /// <summary><paramref name="value"/> in the shape, device and (unless given) dtype of <paramref name="like"/>.</summary>
    public static Tensor FullLike(Tensor like, double value, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Status.Wrap(NativeMethods.al_full_like(like.Handle, AlScalar.Of(value), DTypeCode(dtype), out var r), r);
    }

    public static Tensor FullLike(Tensor like, long value, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Status.Wrap(NativeMethods.al_full_like(like.Handle, AlScalar.Of(value), DTypeCode(dtype), out var r), r);
    }

    /// <summary>Standard normal samples. Without a generator, draws from the global one (<see cref="LibTorch.ManualSeed"/>).</summary>
    public static unsafe Tensor Randn(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var status = NativeMethods.al_randn(dims, shape.Length, Generator.OptionalHandle(generator), (int)dtype, (int)d.Type, d.Index, out var r);
            GC.KeepAlive(generator);
            return Status.Wrap(status, r);
        }
    }

    public static Tensor Randn(params long[] shape) => Randn(shape.AsSpan());

    /// <summary>Samples uniform in [0, 1).</summary>
    public static unsafe Tensor Rand(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var status = NativeMethods.al_rand(dims, shape.Length, Generator.OptionalHandle(generator), (int)dtype, (int)d.Type, d.Index, out var r);
            GC.KeepAlive(generator);
            return Status.Wrap(status, r);
        }
    }

    public static Tensor Rand(params long[] shape) => Rand(shape.AsSpan());

    /// <summary>Integers uniform in [low, high), int64 by default.</summary>
    public static unsafe Tensor RandInt(long low, long high, ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Int64, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var status = NativeMethods.al_randint(low, high, dims, shape.Length, Generator.OptionalHandle(generator), (int)dtype, (int)d.Type, d.Index, out var r);
            GC.KeepAlive(generator);
            return Status.Wrap(status, r);
        }
    }
}
