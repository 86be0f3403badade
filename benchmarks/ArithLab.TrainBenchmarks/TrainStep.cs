using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Optim;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// One training step as a trainer does it — forward, cross-entropy on the answer tokens,
/// backward, gradient clipping, AdamW, dropping the gradients — inside a dispose scope, so
/// that every intermediate tensor is freed when the step ends. With a <see cref="StepProfile"/>
/// each phase is timed separately.
/// </summary>
internal sealed class TrainStep
{
    private readonly Transformer _model;
    private readonly Tensor[] _parameters;
    private readonly AdamW _optimizer;
    private readonly double _clip;

    public TrainStep(Transformer model, double learningRate, double weightDecay, double clip)
    {
        _model = model;
        _parameters = model.Parameters().ToArray();
        _optimizer = new AdamW(_parameters, learningRate, weightDecay: weightDecay);
        _clip = clip;
    }

    /// <summary>Runs one step and returns the loss (read only when asked, as reading it is not free).</summary>
    public double Run(Tensor ids, Tensor targets, bool readLoss, StepProfile? profile = null)
    {
        double loss = double.NaN;
        using (var scope = DisposeScope.Begin())
        {
            profile?.Start();
            var logits = _model.Forward(ids);                                          // (B, T, V)
            profile?.Lap(StepPhase.Forward);
            var v = logits.Size(-1);
            var lossTensor = Functional.CrossEntropy(logits.View(-1, v), targets.View(-1), TrainBatches.IgnoreIndex);
            profile?.Lap(StepPhase.Loss);
            lossTensor.Backward();
            profile?.Lap(StepPhase.Backward);
            GradClip.ClipGradNorm(_parameters, _clip);
            profile?.Lap(StepPhase.Clip);
            _optimizer.Step();
            profile?.Lap(StepPhase.Optimizer);
            // set_to_none, as the peer's zero_grad(set_to_none=True).
            foreach (var p in _parameters)
            {
                p.ZeroGrad();
            }
            profile?.Lap(StepPhase.ZeroGrad);
            if (readLoss)
            {
                loss = lossTensor.Item<float>();
            }
            profile?.CountTensors(scope.Count);
        }
        profile?.Lap(StepPhase.Dispose);
        return loss;
    }
}
