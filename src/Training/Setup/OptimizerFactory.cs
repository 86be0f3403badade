using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;
using ArithLab.Training.Config;

namespace ArithLab.Training.Setup;

/// <summary>`train` config → optimizer and learning-rate schedule.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// AdamW or SGD over nanoGPT's two groups: linear weights decay, while biases, norm weights and
    /// embeddings (<c>Parameter.NoWeightDecay</c>) do not, since shrinking them only fights the norms.
    /// Build it after the model is on its device.
    /// </summary>
    public static Optimizer Create(Module model, TrainConfig train)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        var groups = ParamGroups.ForModule(model, train.WeightDecay);
        return train.Optimizer switch
        {
            OptimizerKind.AdamW => new AdamW(groups, train.Lr, train.Betas.Beta1, train.Betas.Beta2, train.Eps, train.WeightDecay),
            OptimizerKind.Sgd => new Sgd(groups, train.Lr, train.Momentum, weightDecay: train.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(train), train.Optimizer, "unknown train.optimizer"),
        };
    }

    /// <summary>The rate as a pure function of the 0-based step, so a resumed run needs only its step.</summary>
    public static ILrSchedule Schedule(TrainConfig train)
    {
        ArgumentNullException.ThrowIfNull(train);
        // A run that is all warmup never reaches the decay; the schedules need one step past it.
        var total = Math.Max(train.Steps, train.WarmupSteps + 1);
        return train.Schedule switch
        {
            // A cosine from lr down to lr is the constant rate, with the same warmup as the others.
            LrSchedule.Constant => train.WarmupSteps == 0 ? new ConstantLr(train.Lr) : new WarmupCosineLr(train.Lr, train.Lr, train.WarmupSteps, total),
            LrSchedule.Cosine => new WarmupCosineLr(train.Lr, train.MinLr, train.WarmupSteps, total),
            LrSchedule.Linear => new WarmupLinearLr(train.Lr, train.MinLr, train.WarmupSteps, total),
            _ => throw new ArgumentOutOfRangeException(nameof(train), train.Schedule, "unknown train.schedule"),
        };
    }
}
