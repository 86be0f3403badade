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
        return train.Schedule switch
        {
            LrSchedule.Constant => new ConstantLr(train.Lr, train.WarmupSteps),
            LrSchedule.Cosine => new WarmupCosineLr(train.Lr, train.MinLr, train.WarmupSteps, train.Steps),
            LrSchedule.Linear => new WarmupLinearLr(train.Lr, train.MinLr, train.WarmupSteps, train.Steps),
            _ => throw new ArgumentOutOfRangeException(nameof(train), train.Schedule, "unknown train.schedule"),
        };
    }
}
