using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>How the process's C allocator, which holds CPU tensor storage, treats freed memory.</summary>
public static class HostMemory
{
    /// <summary>The largest threshold glibc accepts on 64-bit systems (32 MiB).</summary>
    public const long MaxMmapThreshold = 32L << 20;

    /// <summary>
    /// Keeps freed CPU tensor storage of up to <paramref name="mmapThreshold"/> bytes per block in
    /// the process heap for reuse, instead of returning it to the system and page-faulting it back
    /// on the next step: glibc's defaults (mmap above 128 KiB, trim the heap top) cost a small
    /// model 10–15 % of its CPU training step in the kernel (docs/performance.md). The process then
    /// keeps its peak heap. Linux with glibc only; elsewhere it throws a <see cref="TorchException"/>.
    /// </summary>
    public static void RetainFreed(long mmapThreshold = MaxMmapThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mmapThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mmapThreshold, MaxMmapThreshold);
        Status.Check(NativeMethods.al_retain_freed_host_memory(mmapThreshold));
    }
}
