using ArithLab.Data.Units;
using ArithLab.Training.Config;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Units;

/// <summary>
/// One arithmetic-unit experiment (a units YAML; every key in <see cref="UnitsKeys"/>). Defaults are the
/// paper's "simple function static" setup (Madsen &amp; Johansen 2020, section 4.1 and appendix C).
/// </summary>
public sealed record UnitsConfig
{
    public static UnitsConfig Default { get; } = new();

    public string Name { get; init; } = "";

    public int Seed { get; init; }

    public UnitsTaskConfig Task { get; init; } = new();

    public UnitsModelConfig Model { get; init; } = new();

    public UnitsTrainConfig Train { get; init; } = new();

    public UnitsSuccessConfig Success { get; init; } = new();

    public UnitsPrecisionConfig Precision { get; init; } = new();

    public UnitsRuntimeConfig Runtime { get; init; } = new();

    /// <summary>The task's subsets for this config's seed.</summary>
    public SubsetTask CreateTask() => Task.Subsets is { } explicitSubsets
        ? SubsetTask.Explicit(Task.InputSize, explicitSubsets.A, explicitSubsets.B, Task.Operation)
        : SubsetTask.FromRatios(Task.InputSize, Task.SubsetRatio, Task.OverlapRatio, Task.Operation, (ulong)Seed);
}

public sealed record UnitsTaskConfig
{
    public UnitOperation Operation { get; init; } = UnitOperation.Add;

    public int InputSize { get; init; } = 100;

    public double SubsetRatio { get; init; } = 0.25;

    public double OverlapRatio { get; init; } = 0.5;

    /// <summary>Explicit subsets instead of ratios and a seeded offset (the introduction's toy); null uses the ratios.</summary>
    public ((int Start, int End) A, (int Start, int End) B)? Subsets { get; init; }

    public InputRange Interpolation { get; init; } = InputRange.Uniform(1, 2);

    public InputRange Extrapolation { get; init; } = InputRange.Uniform(2, 6);

    public int ValidSize { get; init; } = 10_000;

    public int TestSize { get; init; } = 10_000;

    /// <summary>stable-nalu's fixed seed of the interpolation (validation) fork.</summary>
    public int ValidSeed { get; init; } = 43953907;

    /// <summary>stable-nalu's fixed seed of the extrapolation (test) fork.</summary>
    public int TestSeed { get; init; } = 8689336;
}

public sealed record UnitsModelConfig
{
    public UnitKind First { get; init; } = UnitKind.Nau;

    public UnitKind Second { get; init; } = UnitKind.Nmu;

    public int Hidden { get; init; } = 2;

    /// <summary>Whether linear layers have a (zero-initialised) bias, as stable-nalu's BasicLayer does by default.</summary>
    public bool LinearBias { get; init; }
}

public sealed record UnitsTrainConfig
{
    public long Iterations { get; init; } = 5_000_000;

    public int BatchSize { get; init; } = 128;

    public double Lr { get; init; } = 1e-3;

    public int EvalEvery { get; init; } = 1000;

    public double SparsityLambda { get; init; } = 10;

    public long SparsityStart { get; init; } = 1_000_000;

    public long SparsityEnd { get; init; } = 2_000_000;

    public SparsityRamp Ramp => new(SparsityLambda, SparsityStart, SparsityEnd);
}

public sealed record UnitsPrecisionConfig
{
    /// <summary>float64 (the lab's default) or float32 (the paper's PyTorch type), <see cref="UnitPrecision"/>.</summary>
    public UnitPrecision DType { get; init; } = UnitPrecision.Float64;

    /// <summary>An emulated low-precision recipe (`precision.format`, docs/units.md "Number formats"); none by default.</summary>
    public LowPrecisionFormat Format { get; init; } = LowPrecisionFormat.None;

    /// <summary>The recipe's role formats, rounding and scaling keys, as an experiment's (`precision.weights`, …).</summary>
    public LowPrecisionConfig LowPrecision { get; init; } = new();

    /// <summary>
    /// These keys as an experiment's precision record, which <see cref="PrecisionRecipe"/> resolves and
    /// <see cref="PrecisionRecipeRules"/> checks: float32 master weights there (the rules ask for them), and under
    /// lmul every matmul, since a unit network has no attention.
    /// </summary>
    public PrecisionConfig AsExperiment() => new()
    {
        DType = Config.DType.Float32,
        Format = Format,
        LowPrecision = Format == LowPrecisionFormat.LMul ? LowPrecision with { LMulMatMuls = LMulScope.All } : LowPrecision,
    };
}

public sealed record UnitsSuccessConfig
{
    public double Epsilon { get; init; } = 1e-5;

    /// <summary>Monte Carlo rows for the threshold.</summary>
    public int ThresholdSamples { get; init; } = 100_000;
}

public sealed record UnitsRuntimeConfig
{
    public string RunDir { get; init; } = "runs";

    public long CheckpointEvery { get; init; } = 100_000;
}
