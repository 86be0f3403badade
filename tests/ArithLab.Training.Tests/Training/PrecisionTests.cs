using ArithLab.Torch;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class PrecisionTests
{
    [Fact]
    public void The_scaler_unscales_gradients_and_reports_them_finite()
    {
        using var scope = DisposeScope.Begin();
        var w = Tensor.From(new[] { 1f, 2f, 3f }).RequiresGrad_();
        var scaler = new GradScaler(1024, dynamic: true);
        var loss = (w * w).Sum();                          // d/dw = 2w
        scaler.ScaleLoss(loss).Backward();
        Assert.Equal([2048f, 4096f, 6144f], w.Grad!.ToArray<float>());
        Assert.True(scaler.Unscale([w]));
        Assert.Equal([2f, 4f, 6f], w.Grad!.ToArray<float>());
    }

    [Fact]
    public void An_overflow_skips_the_step_and_halves_the_scale_then_clean_steps_double_it()
    {
        using var scope = DisposeScope.Begin();
        var w = Tensor.From(new[] { 1f, 2f }).RequiresGrad_();
        var scaler = new GradScaler(65536, dynamic: true, growthInterval: 3);
        // 3e38 × 65536 overflows float32: the gradient becomes Inf.
        scaler.ScaleLoss((w * 3e38).Sum()).Backward();
        var finite = scaler.Unscale([w]);
        scaler.Update(finite);
        Assert.False(finite);
        Assert.Equal(32768, scaler.Scale);
        for (var i = 0; i < 3; i++)
        {
            scaler.Update(gradientsFinite: true);
        }
        Assert.Equal(65536, scaler.Scale);
        Assert.Equal(0, scaler.GrowthTracker);
    }

    [Fact]
    public void A_fixed_scale_never_changes()
    {
        var scaler = new GradScaler(128, dynamic: false);
        scaler.Update(gradientsFinite: false);
        scaler.Update(gradientsFinite: true);
        Assert.Equal(128, scaler.Scale);
    }

    [Fact]
    public void Config_chooses_the_policy()
    {
        var f32 = PrecisionPolicies.Create(new PrecisionConfig(), Device.Cpu);
        Assert.Equal(ScalarType.Float32, f32.ParameterDType);
        Assert.Equal(1, f32.LossScale);

        var autocast = PrecisionPolicies.Create(new PrecisionConfig { DType = DType.BFloat16, Autocast = true }, Device.Cpu);
        Assert.Equal(ScalarType.Float32, autocast.ParameterDType);
        Assert.Contains("autocast bfloat16", autocast.Description, StringComparison.Ordinal);

        var pure = PrecisionPolicies.Create(new PrecisionConfig { DType = DType.BFloat16 }, Device.Cpu);
        Assert.Equal(ScalarType.BFloat16, pure.ParameterDType);

        var scaled = PrecisionPolicies.Create(new PrecisionConfig { DType = DType.Float16, LossScale = LossScale.Dynamic, InitScale = 256 }, Device.Cuda(0));
        Assert.Equal(256, scaled.LossScale);
        Assert.Equal(ScalarType.Float16, scaled.ParameterDType);

        var error = Assert.Throws<NotSupportedException>(() => PrecisionPolicies.Create(new PrecisionConfig { DType = DType.Float16 }, Device.Cpu));
        Assert.Contains("bfloat16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bfloat16_autocast_run_trains_on_the_cpu()
    {
        using var tiny = new TinyRun(c => c with { Precision = new PrecisionConfig { DType = DType.BFloat16, Autocast = true }, Train = c.Train with { Steps = 20 } });
        var run = tiny.Create();
        var outcome = tiny.Train(run, heldOut: 40);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var losses = tiny.Losses(run);
        Assert.True(losses[^1].Loss < losses[0].Loss, $"loss went from {losses[0].Loss} to {losses[^1].Loss}");
    }
}
