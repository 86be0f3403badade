using ArithLab.Torch.Optim;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Torch.Tests;

/// <summary>
/// Native tensor lifetimes across optimizers, safetensors and whole training loops, read
/// from the process-wide live-tensor counter (so these tests run outside the parallel pool).
/// </summary>
[Collection(GlobalStateCollection.Name)]
public class LeakTests
{
    [Fact]
    public void State_made_inside_a_dispose_scope_outlives_it_and_steps_leave_live_tensors_flat()
    {
        var p = Tensor.From(new double[] { 1, 2, 3 }).RequiresGrad_();
        using var adam = new AdamW(new[] { p });
        using (var scope = DisposeScope.Begin())
        {
            p.Grad = Tensor.From(new double[] { 1, 1, 1 });
            adam.Step();
        }
        var live = LibTorch.SettledLiveTensors;
        for (var i = 0; i < 20; i++)
        {
            using var scope = DisposeScope.Begin();
            p.Grad = Tensor.From(new double[] { 1, -1, 1 });
            GradClip.ClipGradNorm(new[] { p }, 1.0);
            adam.Step();
        }
        Assert.Equal(live, LibTorch.SettledLiveTensors);
        using (var scope = DisposeScope.Begin())
        {
            Assert.Equal(21L, adam.StateDict()["state.0.step"].Item<long>());
        }
        p.Dispose();
    }

    [Fact]
    public void Disposing_the_optimizer_frees_its_state_but_not_the_parameters()
    {
        using var p = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        using (var g = Tensor.From(new double[] { 1, 1 }))
        {
            p.Grad = g;
        }
        var before = LibTorch.SettledLiveTensors;
        var sgd = new Sgd(new[] { p }, learningRate: 0.1, momentum: 0.9);
        sgd.Step();
        Assert.Equal(before + 1, LibTorch.SettledLiveTensors); // the momentum buffer
        sgd.Dispose();
        Assert.Equal(before, LibTorch.SettledLiveTensors);
        Assert.False(p.IsDisposed);
    }

    [Fact]
    public void Taken_tensors_survive_disposal_of_the_content()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arithlab-take-{Guid.NewGuid():N}.safetensors");
        using (var scope = DisposeScope.Begin())
        {
            SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["a"] = Tensor.From(new float[] { 1 }), ["b"] = Tensor.From(new float[] { 2 }) });
        }
        var before = LibTorch.SettledLiveTensors;
        Tensor a;
        using (var content = SafetensorsFile.Load(path))
        {
            a = content.Take("a");
            Assert.Throws<KeyNotFoundException>(() => content.Take("missing"));
        }
        Assert.Equal(before + 1, LibTorch.SettledLiveTensors);
        Assert.Equal(new float[] { 1 }, a.ToArray<float>());
        a.Dispose();
        File.Delete(path);
    }

    [Fact]
    public void Thousand_mlp_training_steps_in_dispose_scopes_leave_the_live_tensor_count_flat()
    {
        var before = LibTorch.SettledLiveTensors;
        long atStep10 = 0;
        using (var setup = DisposeScope.Begin())
        {
            // Forward, loss, backward, clip, AdamW step: the whole loop of a training run.
            var (x, y) = EndToEndMlpTests.SineData(32);
            using var model = new EndToEndMlpTests.TanhMlp(8);
            using var optimizer = new AdamW(ParamGroups.ForModule(model, weightDecay: 0.01), learningRate: 0.01);
            for (var step = 1; step <= 1000; step++)
            {
                using (var scope = DisposeScope.Begin())
                {
                    optimizer.ZeroGrad();
                    var loss = Functional.MseLoss(model.Forward(x), y);
                    loss.Backward();
                    GradClip.ClipGradNorm(optimizer.Parameters, 1.0);
                    optimizer.Step();
                }
                if (step == 10)
                {
                    atStep10 = LibTorch.SettledLiveTensors;
                }
            }
            Assert.Equal(atStep10, LibTorch.SettledLiveTensors);
        }
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }
}
