using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>
/// A random number generator of its own, independent of the global one that
/// <see cref="LibTorch.ManualSeed"/> seeds, as <c>torch.Generator(device).manual_seed(seed)</c>.
/// On the CPU it is libtorch's mt19937 engine, so a seed gives the same numbers as PyTorch;
/// on CUDA it is a reseeded copy of the device's Philox engine.
/// <code>
/// using var g = new Generator(seed: 42);
/// using var x = Tensor.Randn([4, 8], generator: g);
/// </code>
/// </summary>
public sealed class Generator : IDisposable
{
    private readonly GeneratorHandle _handle;

    /// <param name="seed">The initial seed.</param>
    /// <param name="device">CPU when omitted. A CUDA generator needs a CUDA libtorch and a GPU.</param>
    public Generator(long seed, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        Status.Check(NativeMethods.al_generator_new((int)d.Type, d.Index, seed, out var raw));
        _handle = new GeneratorHandle(raw);
    }

    private GeneratorHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>
    /// The native at::Generator* for shim functions that draw random numbers; pass
    /// <see cref="OptionalHandle"/> and keep the generator alive across the call
    /// (<c>GC.KeepAlive(generator)</c>).
    /// </summary>
    internal IntPtr RawHandle => Handle.DangerousGetHandle();

    /// <summary>The raw handle of an optional generator, or IntPtr.Zero for libtorch's default one.</summary>
    internal static IntPtr OptionalHandle(Generator? generator) => generator is null ? IntPtr.Zero : generator.RawHandle;

    public bool IsDisposed => _handle.IsClosed;

    public Device Device
    {
        get
        {
            Status.Check(NativeMethods.al_generator_device(Handle, out var type, out var index));
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>The seed the generator was last seeded with.</summary>
    public long InitialSeed
    {
        get
        {
            Status.Check(NativeMethods.al_generator_initial_seed(Handle, out var seed));
            return seed;
        }
    }

    /// <summary>Reseeds the generator, restarting its sequence; returns it for chaining.</summary>
    public Generator ManualSeed(long seed)
    {
        Status.Check(NativeMethods.al_generator_manual_seed(Handle, seed));
        return this;
    }

    public void Dispose() => _handle.Dispose();
}
