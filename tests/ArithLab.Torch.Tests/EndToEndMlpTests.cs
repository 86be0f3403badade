using ArithLab.Torch.Optim;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Torch.Tests;

/// <summary>Training end to end: optimizers, clipping, schedules and checkpoints together.</summary>
public sealed class EndToEndMlpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-e2e-" + Guid.NewGuid().ToString("N"));

    public EndToEndMlpTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly float[] s_x = { 0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f, -0.9f, 1.0f, 0.05f, -0.15f };
    private static readonly float[] s_negY = { -1, 0.5f, -0.25f, 2, 0.75f, -1.5f };

    private static readonly ILrSchedule s_schedule = new WarmupCosineLr(maxLr: 0.05, minLr: 0.005, warmupSteps: 3, totalSteps: 12);

    /// <summary>One training step of a linear regression on fixed data; the caller's scope frees the step's tensors.</summary>
    private static void TrainStep(Optimizer optimizer, Tensor w, Tensor b, long step)
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(s_x, 6, 2);
        var negY = Tensor.From(s_negY, 6, 1);
        optimizer.ZeroGrad();
        var error = Tensor.MatMul(x, w) + b + negY;
        (error * error).Sum().Backward();
        GradClip.ClipGradNorm(optimizer.Parameters, 0.5);
        optimizer.SetLearningRate(s_schedule.LearningRate(step));
        optimizer.Step();
    }

    [Fact]
    public void Resuming_from_a_safetensors_checkpoint_gives_bit_identical_parameters()
    {
        const int total = 12, stopAt = 5;
        var path = Path.Combine(_folder, "ckpt.safetensors");
        using var scope = DisposeScope.Begin();

        // Uninterrupted run.
        var w = Tensor.From(new float[] { 0.3f, -0.2f }, 2, 1).RequiresGrad_();
        var b = Tensor.From(new float[] { 0.1f }).RequiresGrad_();
        using (var optimizer = new AdamW(new[] { new ParamGroup(new[] { w }), new ParamGroup(new[] { b }, weightDecay: 0) }, weightDecay: 0.1))
        {
            for (var step = 0; step < total; step++)
            {
                TrainStep(optimizer, w, b, step);
            }
        }

        // Interrupted run: stop, checkpoint parameters and optimizer state in one file, forget everything.
        var w1 = Tensor.From(new float[] { 0.3f, -0.2f }, 2, 1).RequiresGrad_();
        var b1 = Tensor.From(new float[] { 0.1f }).RequiresGrad_();
        using (var optimizer = new AdamW(new[] { new ParamGroup(new[] { w1 }), new ParamGroup(new[] { b1 }, weightDecay: 0) }, weightDecay: 0.1))
        {
            for (var step = 0; step < stopAt; step++)
            {
                TrainStep(optimizer, w1, b1, step);
            }
            var tensors = optimizer.StateDict().ToDictionary(kv => "optimizer." + kv.Key, kv => kv.Value);
            tensors["model.w"] = w1;
            tensors["model.b"] = b1;
            SafetensorsFile.Save(path, tensors, new Dictionary<string, string> { ["step"] = stopAt.ToString() });
        }
        w1.Dispose();
        b1.Dispose();

        // Resume into fresh objects (with other hyperparameters, which the checkpoint overrides).
        using var content = SafetensorsFile.Load(path);
        var w2 = content.Tensors["model.w"].Detach().RequiresGrad_();
        var b2 = content.Tensors["model.b"].Detach().RequiresGrad_();
        using (var optimizer = new AdamW(new[] { new ParamGroup(new[] { w2 }), new ParamGroup(new[] { b2 }) }, weightDecay: 0.5))
        {
            optimizer.LoadStateDict(content.Tensors
                .Where(kv => kv.Key.StartsWith("optimizer.", StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key["optimizer.".Length..], kv => kv.Value));
            Assert.Equal(0.0, optimizer.ParamGroups[1].WeightDecay);
            for (var step = long.Parse(content.Metadata["step"]); step < total; step++)
            {
                TrainStep(optimizer, w2, b2, step);
            }
        }

        Assert.Equal(w.ToArray<float>(), w2.ToArray<float>());
        Assert.Equal(b.ToArray<float>(), b2.ToArray<float>());
        // The run must have moved the weights, or the comparison proves nothing.
        Assert.NotEqual(new float[] { 0.3f, -0.2f }, w2.ToArray<float>());
    }
}
