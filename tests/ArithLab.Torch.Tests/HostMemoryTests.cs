namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class HostMemoryTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(HostMemory.MaxMmapThreshold + 1)]
    public void Retain_freed_rejects_thresholds_glibc_would_refuse(long threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HostMemory.RetainFreed(threshold));
    }

    [Fact]
    public void Tensors_larger_than_the_old_mmap_threshold_work_after_retain_freed()
    {
        HostMemory.RetainFreed();
        // 4 MiB blocks, which glibc would otherwise map and unmap on every allocation.
        for (var i = 0; i < 3; i++)
        {
            using var a = Tensor.Full(new long[] { 1024, 1024 }, 2.0);
            using var b = a * 3.0;
            using var sum = b.Sum();
            Assert.Equal(6.0 * 1024 * 1024, sum.Item(), 3);
        }
    }
}
