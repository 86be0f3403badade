using System.Runtime.InteropServices;
using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>
/// A libtorch tensor. Every operation returns a new tensor the caller owns (dispose it, or
/// let an open <see cref="DisposeScope"/> do so); in-place operations (names ending in
/// an underscore) return the same tensor; nothing disposes its inputs.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;

    internal Tensor(IntPtr handle)
    {
        _handle = new TensorHandle(handle);
        DisposeScope.Current?.Add(this);
    }

    internal TensorHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>The raw handle of an optional argument, or null; the caller keeps <paramref name="tensor"/> alive across the call.</summary>
    internal static IntPtr OptionalHandle(Tensor? tensor) => tensor is null ? IntPtr.Zero : tensor.Handle.DangerousGetHandle();

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    internal DisposeScope? Owner { get; set; }

    public bool IsDisposed => _handle.IsClosed;

    public void Dispose() => _handle.Dispose();

    public long Dim
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_dim(Handle, out var dim));
            return dim;
        }
    }

    public unsafe long[] Shape
    {
        get
        {
            var dims = new long[Dim];
            fixed (long* p = dims)
            {
                Status.Check(NativeMethods.al_tensor_shape(Handle, p, dims.Length));
            }
            return dims;
        }
    }

    /// <summary>The size of one dimension; negative dims count from the end.</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        var d = dim < 0 ? dim + shape.Length : dim;
        if (d < 0 || d >= shape.Length)
        {
            throw new TorchException($"Dimension out of range (expected to be in range of [{-shape.Length}, {shape.Length - 1}], but got {dim})");
        }
        return shape[d];
    }

    public long NumEl
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_numel(Handle, out var n));
            return n;
        }
    }

    public ScalarType DType
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_dtype(Handle, out var dtype));
            return (ScalarType)dtype;
        }
    }

    public Device Device
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_device(Handle, out var type, out var index));
            return new Device((DeviceType)type, index);
        }
    }

    public bool IsContiguous
    {
        get
        {
            Status.Check(NativeMethods.al_tensor_is_contiguous(Handle, out var result));
            return result != 0;
        }
    }

    /// <summary>Copies managed data into a new CPU tensor. The element type must match <paramref name="dtype"/>'s size.</summary>
    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, ScalarType dtype) where T : unmanaged
    {
        if (sizeof(T) != dtype.ElementSize())
        {
            throw new ArgumentException($"{typeof(T).Name} elements cannot hold {dtype.TorchName()} data", nameof(dtype));
        }
        fixed (T* p = data)
        fixed (long* dims = shape)
        {
            return Status.Wrap(NativeMethods.al_tensor_from_data(p, (long)data.Length * sizeof(T), dims, shape.Length, (int)dtype, out var result), result);
        }
    }

    /// <summary>A CPU tensor from a managed array; the shape defaults to one dimension.</summary>
    public static Tensor From<T>(T[] data, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var dims = shape.Length == 0 ? new long[] { data.Length } : shape;
        return FromSpan<T>(data, dims, DTypeOf<T>());
    }

    /// <summary>A zero-dimensional tensor holding one value.</summary>
    public static Tensor Scalar<T>(T value) where T : unmanaged =>
        FromSpan<T>(new[] { value }, ReadOnlySpan<long>.Empty, DTypeOf<T>());

    /// <summary>The element type that stores <typeparamref name="T"/> (bfloat16 has no .NET type: use FromSpan with ushort bits).</summary>
    public static ScalarType DTypeOf<T>() where T : unmanaged => typeof(T) switch
    {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(Half) => ScalarType.Float16,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(byte) => ScalarType.UInt8,
        var t when t == typeof(bool) => ScalarType.Bool,
        _ => throw new ArgumentException($"no tensor dtype for {typeof(T).Name}"),
    };

    /// <summary>Copies the elements (row-major, from any device) into a new managed array.
    /// <typeparamref name="T"/> must have the dtype's element size (ushort for float16/bfloat16 bits).</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var dtype = DType;
        if (sizeof(T) != dtype.ElementSize())
        {
            throw new InvalidOperationException($"cannot read {dtype.TorchName()} elements as {typeof(T).Name}");
        }
        var result = new T[NumEl];
        fixed (T* p = result)
        {
            Status.Check(NativeMethods.al_tensor_to_data(Handle, p, (long)result.Length * sizeof(T)));
        }
        return result;
    }

    /// <summary>Copies the elements (row-major) into <paramref name="destination"/>, which must hold exactly
    /// <see cref="NumEl"/> of them: <see cref="ToArray{T}"/> without allocating, for loops that copy every step.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        var dtype = DType;
        if (sizeof(T) != dtype.ElementSize())
        {
            throw new InvalidOperationException($"cannot read {dtype.TorchName()} elements as {typeof(T).Name}");
        }
        if (destination.Length != NumEl)
        {
            throw new ArgumentException($"the tensor has {NumEl} elements, the destination {destination.Length}", nameof(destination));
        }
        fixed (T* p = destination)
        {
            Status.Check(NativeMethods.al_tensor_to_data(Handle, p, (long)destination.Length * sizeof(T)));
        }
    }

    /// <summary>The value of a one-element tensor as a double.</summary>
    public double Item()
    {
        Status.Check(NativeMethods.al_tensor_item(Handle, out var value));
        return value.ToDouble();
    }

    /// <summary>The value of a one-element tensor converted to <typeparamref name="T"/>.</summary>
    public T Item<T>() where T : struct, IConvertible
    {
        Status.Check(NativeMethods.al_tensor_item(Handle, out var value));
        object boxed = value.Kind switch
        {
            0 => value.Real,
            2 => value.Integer != 0,
            _ => value.Integer,
        };
        return (T)Convert.ChangeType(boxed, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A second handle to the same tensor (same storage, same autograd node).</summary>
    public Tensor Alias() => Status.Wrap(NativeMethods.al_tensor_alias(Handle, out var r), r);

    public Tensor Clone() => Status.Wrap(NativeMethods.al_tensor_clone(Handle, out var r), r);

    /// <summary>Converts to another dtype and/or device; returns a new handle even when nothing changes.</summary>
    public Tensor To(ScalarType dtype, Device device, bool copy = false) =>
        Status.Wrap(NativeMethods.al_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, copy ? 1 : 0, out var r), r);

    public Tensor To(ScalarType dtype) => To(dtype, Device);

    public Tensor To(Device device) => To(DType, device);

    public Tensor Cpu() => To(Device.Cpu);

    /// <summary>Copies <paramref name="source"/> into this tensor in place (with broadcasting and conversion).</summary>
    public Tensor CopyFrom_(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Status.Check(NativeMethods.al_tensor_copy_(Handle, source.Handle));
        return this;
    }

    /// <summary>libtorch's printout of the tensor.</summary>
    public unsafe string Format()
    {
        Status.Check(NativeMethods.al_tensor_to_string(Handle, null, 0, out var length));
        var buffer = new byte[length + 1];
        fixed (byte* p = buffer)
        {
            Status.Check(NativeMethods.al_tensor_to_string(Handle, p, buffer.Length, out _));
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"Tensor({DType.TorchName()}, [{string.Join(", ", Shape)}], {Device})";
}
