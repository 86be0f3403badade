namespace ArithLab.Torch.Tests;

public class DeviceTests
{
    [Theory]
    [InlineData("cpu", DeviceType.Cpu, -1)]
    [InlineData("cuda", DeviceType.Cuda, 0)]
    [InlineData("cuda:3", DeviceType.Cuda, 3)]
    [InlineData(" CUDA:1 ", DeviceType.Cuda, 1)]
    public void Device_names_parse_as_in_pytorch(string text, DeviceType type, int index)
    {
        var d = Device.Parse(text);
        Assert.Equal(type, d.Type);
        Assert.Equal(index, d.Index);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void Bad_device_names_are_rejected_with_the_accepted_forms(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse(text));
        Assert.Contains("cpu, cuda, cuda:N or auto", e.Message);
    }

    [Fact]
    public void Auto_picks_cuda_exactly_when_a_gpu_is_visible()
    {
        Assert.Equal(LibTorch.CudaIsAvailable ? DeviceType.Cuda : DeviceType.Cpu, Device.Parse("auto").Type);
    }

    [Fact]
    public void Asking_for_cuda_without_a_gpu_is_a_TorchException()
    {
        if (LibTorch.CudaIsAvailable)
        {
            return; // the CUDA test project covers GPU machines
        }
        using var cpu = Tensor.Zeros(2);
        var e = Assert.Throws<TorchException>(() => cpu.To(Device.Cuda(0)));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.Throws<TorchException>(() => Tensor.Zeros(new long[] { 2 }, device: Device.Cuda(0)));
    }
}
