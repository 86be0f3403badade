using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>Every quantizer returns tensors the caller owns and keeps nothing native alive after them.</summary>
[Collection(GlobalStateCollection.Name)]
public class LowPrecisionLeakTests
{
    [Fact]
    public void Quantizers_leave_the_live_tensor_count_flat()
    {
        using var x = Tensor.Randn(8, 64);
        var delayed = new DelayedScaling(NumberFormat.E4M3);
        var live = LibTorch.SettledLiveTensors;
        for (var i = 0; i < 5; i++)
        {
            using var scope = DisposeScope.Begin();
            Quantizer.Quantize(x, NumberFormat.E4M3, Rounding.Stochastic, seed: i);
            Quantizer.Encode(x, NumberFormat.E5M2).Dispose();
            TensorScaling.Quantize(x, NumberFormat.E4M3, out _);
            delayed.Quantize(x);
            MxQuantizer.Quantize(x, MxFormat.Mxfp4);
            MxQuantizer.Encode(x, MxFormat.Mxint8).Dispose();
            Nvfp4Quantizer.Quantize(x);
            Nvfp4Quantizer.Encode(x).Dispose();
            LMul.MatMul(x, x.T(), 3);
            Assert.Throws<TorchException>(() => LMul.MatMul(x, x, 3));
        }
        Assert.Equal(live, LibTorch.SettledLiveTensors);
    }
}
