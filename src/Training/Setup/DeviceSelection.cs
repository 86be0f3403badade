using ArithLab.Torch;

namespace ArithLab.Training.Setup;

/// <summary>Turns `runtime.device` into a device: `auto` is CUDA when the libtorch found has a GPU, else the CPU.</summary>
public static class DeviceSelection
{
    public static Device Resolve(string device)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        if (device == "auto")
        {
            return LibTorch.CudaIsAvailable ? Device.Cuda(0) : Device.Cpu;
        }
        var parsed = Device.Parse(device);
        if (parsed.Type == DeviceType.Cuda && !LibTorch.CudaIsAvailable)
        {
            throw new InvalidOperationException(
                $"runtime.device is '{device}' but this libtorch ({LibTorch.Version}) sees no CUDA device; use 'auto' or 'cpu'");
        }
        return parsed.Type == DeviceType.Cuda && parsed.Index < 0 ? Device.Cuda(0) : parsed;
    }
}
