using System.Diagnostics;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Torch.Tests;

/// <summary>Training end to end: modules, loss, optimizer, clipping, schedule and checkpoints together.</summary>
public sealed class EndToEndMlpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-e2e-" + Guid.NewGuid().ToString("N"));

    public EndToEndMlpTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Linear(1, hidden) → tanh → Linear(hidden, 1).</summary>
    internal sealed class TanhMlp : Module<Tensor, Tensor>
    {
        public TanhMlp(int hidden)
        {
            Hidden = new Linear(1, hidden);
            Output = new Linear(hidden, 1);
        }

        public Linear Hidden { get; }

        public Linear Output { get; }

        public override Tensor Forward(Tensor input)
        {
            using var h = Hidden.Forward(input);
            using var a = h.Tanh();
            return Output.Forward(a);
        }
    }

    /// <summary>y = sin(3x) at <paramref name="n"/> evenly spaced x in [−1, 1], as (n, 1) tensors.</summary>
    internal static (Tensor X, Tensor Y) SineData(int n)
    {
        var x = Enumerable.Range(0, n).Select(i => -1 + 2.0f * i / (n - 1)).ToArray();
        var y = x.Select(v => (float)Math.Sin(3 * v)).ToArray();
        return (Tensor.From(x, n, 1), Tensor.From(y, n, 1));
    }

    private static double Mse(TanhMlp model, Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        return Functional.MseLoss(model.Forward(x), y).Item();
    }

    private static void TrainStep(TanhMlp model, Optimizer optimizer, ILrSchedule schedule, Tensor x, Tensor y, long step)
    {
        using var scope = DisposeScope.Begin();
        optimizer.ZeroGrad();
        var loss = Functional.MseLoss(model.Forward(x), y);
        loss.Backward();
        GradClip.ClipGradNorm(optimizer.Parameters, 1.0);
        optimizer.SetLearningRate(schedule.LearningRate(step));
        optimizer.Step();
    }

    [Fact]
    public void Tanh_mlp_learns_sin_3x_on_minus_one_to_one_to_an_mse_below_0_001_within_seconds()
    {
        using var scope = DisposeScope.Begin();
        var (x, y) = SineData(256);
        using var model = new TanhMlp(32);
        using var optimizer = new AdamW(ParamGroups.ForModule(model, weightDecay: 1e-4));
        var schedule = new WarmupCosineLr(maxLr: 0.03, minLr: 0.001, warmupSteps: 50, totalSteps: 1500);
        // sin(3x) over [−1, 1] has mean square ≈ 0.5: an untrained model is far off.
        var before = Mse(model, x, y);
        var watch = Stopwatch.StartNew();
        for (var step = 0; step < 1500; step++)
        {
            TrainStep(model, optimizer, schedule, x, y, step);
        }
        watch.Stop();
        var after = Mse(model, x, y);
        Assert.True(before > 0.05, $"untrained MSE {before}");
        Assert.True(after < 0.001, $"MSE after 1500 steps: {after} (from {before})");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"1500 steps took {watch.Elapsed}");
    }

    [Fact]
    public void Resuming_from_a_safetensors_checkpoint_gives_bit_identical_parameters()
    {
        const int total = 40, stopAt = 15;
        var path = Path.Combine(_folder, "ckpt.safetensors");
        using var scope = DisposeScope.Begin();
        var (x, y) = SineData(64);
        var schedule = new WarmupCosineLr(maxLr: 0.02, minLr: 0.002, warmupSteps: 5, totalSteps: total);

        // Uninterrupted run; its initial weights are kept to start the interrupted one alike.
        using var reference = new TanhMlp(16);
        var initial = reference.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Clone());
        using (var optimizer = new AdamW(ParamGroups.ForModule(reference, weightDecay: 0.1)))
        {
            for (var step = 0; step < total; step++)
            {
                TrainStep(reference, optimizer, schedule, x, y, step);
            }
        }

        // Interrupted run: stop, checkpoint weights and optimizer state in one file, forget everything.
        using (var model = new TanhMlp(16))
        {
            model.LoadStateDict(initial);
            using var optimizer = new AdamW(ParamGroups.ForModule(model, weightDecay: 0.1));
            for (var step = 0; step < stopAt; step++)
            {
                TrainStep(model, optimizer, schedule, x, y, step);
            }
            var tensors = optimizer.StateDict().ToDictionary(kv => "optimizer." + kv.Key, kv => kv.Value);
            foreach (var (name, tensor) in model.StateDict())
            {
                tensors["model." + name] = tensor;
            }
            SafetensorsFile.Save(path, tensors, new Dictionary<string, string> { ["step"] = stopAt.ToString() });
        }

        // Resume into fresh objects: other random weights, other weight decay, all overridden by the checkpoint.
        using var resumed = new TanhMlp(16);
        using (var content = SafetensorsFile.Load(path))
        using (var optimizer = new AdamW(ParamGroups.ForModule(resumed, weightDecay: 0.5)))
        {
            Dictionary<string, Tensor> Part(string prefix) => content.Tensors
                .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
            resumed.LoadStateDict(Part("model."));
            optimizer.LoadStateDict(Part("optimizer."));
            Assert.Equal(0.1, optimizer.ParamGroups[0].WeightDecay);
            for (var step = long.Parse(content.Metadata["step"]); step < total; step++)
            {
                TrainStep(resumed, optimizer, schedule, x, y, step);
            }
        }

        var expected = reference.StateDict();
        var actual = resumed.StateDict();
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, tensor) in expected)
        {
            Assert.Equal(tensor.ToArray<float>(), actual[name].ToArray<float>());
            // Training must have moved every weight, or the comparison proves nothing.
            Assert.NotEqual(initial[name].ToArray<float>(), tensor.ToArray<float>());
        }
    }

    [PythonTorchFact]
    public void PyTorch_loads_the_saved_mlp_under_its_state_dict_names_and_computes_the_same_outputs()
    {
        using var scope = DisposeScope.Begin();
        var path = Path.Combine(_folder, "mlp.safetensors");
        using var model = new TanhMlp(8);
        SafetensorsFile.Save(path, model.StateDict());
        var inputs = new[] { -1.0f, -0.3f, 0.0f, 0.45f, 1.0f };
        var ours = model.Forward(Tensor.From(inputs, inputs.Length, 1)).ToArray<float>();

        var stdout = PythonTorchPeer.Run("safetensors_peer.py", string.Join('\n', inputs.Select(v => v.ToString("R"))), "mlp", path);
        var theirs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).ToArray();
        Assert.Equal(inputs.Length, theirs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(theirs[i], ours[i], 5);
        }
    }
}
