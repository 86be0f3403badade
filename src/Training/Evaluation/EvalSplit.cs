using ArithLab.Data.Sampling;
using ArithLab.Training.Config;

namespace ArithLab.Training.Evaluation;

/// <summary>The train/test partition an experiment's `data` section names.</summary>
public static class EvalSplit
{
    /// <summary>
    /// <c>data.test_fraction</c> with <c>data.split_seed</c> mixed into ArithLab.Data's default salt,
    /// so split seed 0 is the default split. Training must draw from the other side of the same rule.
    /// </summary>
    public static SplitRule For(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new SplitRule();
        return new SplitRule(config.Data.TestFraction, defaults.Salt ^ (ulong)(uint)config.Data.SplitSeed).Validated();
    }
}
