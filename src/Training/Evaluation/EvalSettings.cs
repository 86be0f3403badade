using ArithLab.Data.Sampling;
using ArithLab.Training.Config;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// What an evaluation measures: the grid's extent, problems per cell, equal lengths beyond the grid,
/// the training lengths (to tell in- from out-of-distribution and to outline them), the split
/// whose test side problems are drawn from, and the seed of those draws.
/// </summary>
public sealed record EvalSettings
{
    public DigitRange GridA { get; init; } = new(1, 10);

    public DigitRange GridB { get; init; } = new(1, 10);

    public int PerCell { get; init; } = 100;

    /// <summary>Lengths n evaluated beyond the grid: a = b = n, or a = n and b = <see cref="BeyondB"/>.</summary>
    public IReadOnlyList<int> Beyond { get; init; } = [];

    /// <summary>Operand b's length in the sets beyond the grid; null for b = a.</summary>
    public int? BeyondB { get; init; }

    /// <summary>Operand a's training lengths (data.digits.a); cells inside both ranges are in-distribution and outlined.</summary>
    public DigitRange TrainA { get; init; } = new(1, 3);

    /// <summary>Operand b's training lengths (data.digits.b), which may differ from a's (N×2 multiplication).</summary>
    public DigitRange TrainB { get; init; } = new(1, 3);

    /// <summary>Requests handed to the generator at once.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Seeds the problems of every cell; the default keeps eval sets equal across runs.</summary>
    public ulong Seed { get; init; }

    public SplitRule Split { get; init; } = new();

    /// <summary>Test-time recurrences of a looped model, recorded with the results; null for the trained value.</summary>
    public int? Recurrences { get; init; }

    /// <summary>Abacus position ids: the offset k added to every digit's id (eval.abacus_offset; 0 as the reference).</summary>
    public int AbacusOffset { get; init; }

    /// <summary>Wrong answers kept as examples per cell (mistakes.csv); 0 keeps none.</summary>
    public int MistakesPerCell { get; init; } = 5;

    /// <summary>The settings an experiment's `eval` and `data` sections give.</summary>
    public static EvalSettings From(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EvalSettings
        {
            GridA = config.Eval.GridA,
            GridB = config.Eval.GridB,
            PerCell = config.Eval.PerCell,
            Beyond = config.Eval.Beyond.ToArray(),
            BeyondB = config.Eval.BeyondB > 0 ? config.Eval.BeyondB : null,
            TrainA = config.Data.DigitsA,
            TrainB = config.Data.DigitsB,
            BatchSize = config.Eval.BatchSize,
            AbacusOffset = config.Eval.AbacusOffset,
            Split = new SplitRule(config.Data.TestFraction, ExperimentData.SplitSalt(config.Data.SplitSeed)),
        };
    }

    public bool IsInDistribution(int lengthA, int lengthB) => TrainA.Contains(lengthA) && TrainB.Contains(lengthB);

    /// <summary>Throws naming the setting that is out of range.</summary>
    public EvalSettings Validated()
    {
        if (GridA.Min < 1 || GridA.Max < GridA.Min || GridB.Min < 1 || GridB.Max < GridB.Min)
        {
            throw new ArgumentException($"grid ranges need 1 ≤ min ≤ max, got a {GridA}, b {GridB}");
        }
        if (PerCell < 1)
        {
            throw new ArgumentException($"per-cell count must be positive, got {PerCell}");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be positive, got {BatchSize}");
        }
        if (Beyond.Any(n => n < 1))
        {
            throw new ArgumentException($"beyond lengths must be positive, got [{string.Join(", ", Beyond)}]");
        }
        if (MistakesPerCell < 0)
        {
            throw new ArgumentException($"mistakes per cell must be >= 0, got {MistakesPerCell}");
        }
        if (AbacusOffset < 0)
        {
            throw new ArgumentException($"the Abacus offset must be >= 0, got {AbacusOffset}");
        }
        if (BeyondB is < 1)
        {
            throw new ArgumentException($"the beyond sets' b length must be positive, got {BeyondB}");
        }
        Split.Validated();
        return this;
    }
}
