namespace ArithLab.Torch;

public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c>.</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static readonly Device Cpu = new(DeviceType.Cpu);

    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    /// <summary>Parses "cpu", "cuda", "cuda:1" and "auto" (CUDA when this libtorch has a GPU).</summary>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t == "cpu")
        {
            return Cpu;
        }
        if (t == "auto")
        {
            return LibTorch.CudaIsAvailable ? Cuda(0) : Cpu;
        }
        if (t == "cuda")
        {
            return Cuda(0);
        }
        if (t.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(t.AsSpan(5), out var index) && index >= 0)
        {
            return Cuda(index);
        }
        throw new ArgumentException($"unknown device '{text}': expected cpu, cuda, cuda:N or auto", nameof(text));
    }

    public override string ToString() =>
        Type == DeviceType.Cpu ? "cpu" : Index >= 0 ? $"cuda:{Index}" : "cuda";
}
