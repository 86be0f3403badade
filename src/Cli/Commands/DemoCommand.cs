using System.Diagnostics;
using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;

namespace ArithLab.Cli.Commands;

/// <summary>A short end-to-end check that the tensor engine trains on this machine.</summary>
internal sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public string Summary => "train a tiny network to check the tensor engine on this machine";

    public string Help => """
        usage: arithlab demo [--steps N] [--device cpu|cuda|auto]

        Prints the libtorch version and devices, then trains a small MLP to fit y = sin(3x)
        on [-1, 1] with AdamW and reports the mean squared error before and after.
        """;

    /// <summary>Linear(1, 32) → tanh → Linear(32, 1).</summary>
    private sealed class Mlp : Module<Tensor, Tensor>
    {
        public Linear Hidden { get; } = new(1, 32);

        public Linear Output { get; } = new(32, 1);

        public override Tensor Forward(Tensor input)
        {
            using var h = Hidden.Forward(input);
            using var a = h.Tanh();
            return Output.Forward(a);
        }
    }

    public int Run(CommandArguments args)
    {
        var steps = args.Int("steps", 1500, min: 1);
        var device = Device.Parse(args.Option("device") ?? "auto");
        args.RejectUnknown();
        Console.WriteLine($"libtorch {LibTorch.Version}, CUDA devices: {LibTorch.CudaDeviceCount}, training on {device}");

        LibTorch.ManualSeed(0);
        using var data = DisposeScope.Begin();
        var xs = Enumerable.Range(0, 256).Select(i => -1 + 2.0f * i / 255).ToArray();
        var x = Tensor.From(xs, 256, 1).To(device);
        var y = Tensor.From(xs.Select(v => MathF.Sin(3 * v)).ToArray(), 256, 1).To(device);
        using var model = new Mlp();
        model.To(device);
        using var optimizer = new AdamW(ParamGroups.ForModule(model, weightDecay: 1e-4));
        var schedule = new WarmupCosineLr(maxLr: 0.03, minLr: 0.001, warmupSteps: 50, totalSteps: steps);

        var before = Mse(model, x, y);
        var watch = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            using var scope = DisposeScope.Begin();
            optimizer.ZeroGrad();
            Functional.MseLoss(model.Forward(x), y).Backward();
            optimizer.SetLearningRate(schedule.LearningRate(step));
            optimizer.Step();
        }
        var after = Mse(model, x, y);
        Console.WriteLine($"MSE {before:G4} -> {after:G4} after {steps} AdamW steps in {watch.Elapsed.TotalSeconds:F2} s");
        return after < before ? 0 : 1;
    }

    private static double Mse(Mlp model, Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        return Functional.MseLoss(model.Forward(x), y).Item();
    }
}
