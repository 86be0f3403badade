using ArithLab.Models;
using ArithLab.Models.Generation;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Cuda.Tests;

public class CudaModelTests
{
    private static TransformerConfig Config(string positional) => new()
    {
        VocabSize = 11, Layers = 2, DModel = 16, Heads = 4, DFf = 32, MaxSeqLen = 32, MaxPositionId = 40,
        FireMlpWidth = 8, FireInitL = 4.0, Positional = positional,
    };

    private static Tensor Ids(int batch, int length, Func<int, int, long> value)
    {
        var flat = new long[batch * length];
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < length; t++)
                flat[b * length + t] = value(b, t);
        return Tensor.From(flat, batch, length);
    }

    [Theory]
    [InlineData("learned")]
    [InlineData("sinusoidal+hard_alibi")]
    [InlineData("abacus+fire")]
    [InlineData("rope+alibi")]
    public void Model_logits_on_the_gpu_match_the_cpu(string positional)
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(1);
        using var cpu = new Transformer(Config(positional));
        cpu.To(ScalarType.Float64).Eval();
        LibTorch.ManualSeed(1);
        using var gpu = new Transformer(Config(positional));
        gpu.To(ScalarType.Float64).Eval();
        gpu.LoadStateDict(cpu.StateDict());
        gpu.To(Cuda.Device);
        var ids = Ids(2, 7, (b, t) => (3 * b + 2 * t + 1) % 11);
        var positions = Ids(2, 7, (_, t) => t % 7 + 1);
        var expected = cpu.Forward(ids, positions);
        var actual = gpu.Forward(ids.To(Cuda.Device), positions.To(Cuda.Device));
        Assert.Equal(DeviceType.Cuda, actual.Device.Type);
        Assert.True(Cuda.MaxAbsDiff(expected, actual) < 1e-9);
    }

    [Theory]
    [InlineData("rope")]
    [InlineData("abacus+fire")]
    public void Cached_greedy_decoding_on_the_gpu_equals_uncached(string positional)
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(4);
        using var model = new Transformer(Config(positional));
        model.To(ScalarType.Float64).Eval().To(Cuda.Device);
        var prompt = Ids(2, 4, (b, t) => (5 * b + t + 1) % 11).To(Cuda.Device);
        var options = new GreedyOptions
        {
            PromptPositionIds = Ids(2, 4, (_, t) => t % 7 + 1).To(Cuda.Device),
            NextPositionIds = so => Ids((int)so.Size(0), 1, (_, _) => (so.Size(1) - 1) % 7 + 1).To(Cuda.Device),
        };
        var cached = GreedyDecoder.Generate(model, prompt, 6, options);
        var uncached = GreedyDecoder.Generate(model, prompt, 6, options with { UseCache = false });
        Assert.Equal(uncached.Cpu().ToArray<long>(), cached.Cpu().ToArray<long>());
    }

    [Fact]
    public void Looped_model_trains_a_step_on_the_gpu()
    {
        Cuda.Require();
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(2);
        var config = new LoopedConfig { Transformer = Config("rope") with { Layers = 1 }, Injection = InjectionKind.Parcae, MaxRecurrence = 4 };
        using var model = new LoopedTransformer(config);
        model.To(Cuda.Device);
        var ids = Ids(2, 5, (b, t) => (b + 3 * t) % 11).To(Cuda.Device);
        var loss = ProgressiveLoss.Compute(model, ids, null, logits => logits.Pow(2.0).Mean(), new Random(1));
        loss.Backward();
        var grad = model.NamedParameters().Single(p => p.Name == "core.0.attn.qkv.weight").Tensor.Grad;
        Assert.NotNull(grad);
        Assert.Equal(DeviceType.Cuda, grad!.Device.Type);
    }
}
