using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>
/// Automatic mixed precision, as <c>torch.autocast(device_type, dtype)</c>: inside the region,
/// matmuls and linear layers on that device type run in float16 or bfloat16 while reductions,
/// softmax and losses stay in float32; parameters keep their own dtype. Regions nest and are
/// per thread. The outermost region's end drops ATen's cache of low-precision weight copies, so
/// the next region sees the weights the optimizer has written since.
/// <code>
/// using (Autocast.Enable(DeviceType.Cpu, ScalarType.BFloat16))
/// {
///     var logits = model.Forward(ids);   // bfloat16 matmuls
/// }
/// </code>
/// </summary>
public static class Autocast
{
    /// <summary>Whether autocast is on for the device type on this thread.</summary>
    public static bool IsEnabled(DeviceType device)
    {
        Status.Check(NativeMethods.al_autocast_state((int)device, out var enabled, out _));
        return enabled != 0;
    }

    /// <summary>The dtype autocast would cast eligible ops to on the device type.</summary>
    public static ScalarType DType(DeviceType device)
    {
        Status.Check(NativeMethods.al_autocast_state((int)device, out _, out var dtype));
        return (ScalarType)dtype;
    }

    /// <summary>
    /// Whether this libtorch runs autocast for the pair: CUDA takes float16 and bfloat16; the CPU
    /// takes bfloat16 (libtorch 1.13 has no float16 CPU autocast kernels; 2.4 added them).
    /// </summary>
    public static bool IsSupported(DeviceType device, ScalarType dtype)
    {
        if (dtype is not (ScalarType.Float16 or ScalarType.BFloat16))
        {
            return false;
        }
        return device == DeviceType.Cuda || dtype == ScalarType.BFloat16 || LibTorch.Version >= new Version(2, 4);
    }

    /// <summary>Opens a region with autocast on in <paramref name="dtype"/>; disposing it restores what was before.</summary>
    public static AutocastScope Enable(DeviceType device, ScalarType dtype)
    {
        if (!IsSupported(device, dtype))
        {
            throw new NotSupportedException(
                $"autocast to {dtype.TorchName()} on {device} is not supported by libtorch {LibTorch.Version}; " +
                "use bfloat16 on the CPU, or float16/bfloat16 on CUDA");
        }
        return new AutocastScope(device, enabled: true, dtype);
    }

    /// <summary>Opens a region with autocast off (e.g. a float32 loss inside an autocast forward).</summary>
    public static AutocastScope Disable(DeviceType device) => new(device, enabled: false, ScalarType.BFloat16);
}
