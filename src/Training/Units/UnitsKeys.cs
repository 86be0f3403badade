using System.Globalization;
using ArithLab.Data.Units;
using ArithLab.Training.Config;

namespace ArithLab.Training.Units;

/// <summary>
/// The table of every units-YAML key: the loader, the writer, the hash and `arithlab config explain units`
/// read it. Defaults live in <see cref="UnitsConfig"/>.
/// </summary>
public static class UnitsKeys
{
    private static readonly (string Name, UnitKind Kind)[] Units =
    [
        ("nau", UnitKind.Nau), ("nmu", UnitKind.Nmu), ("nac-add", UnitKind.NacAdd),
        ("nac-mul", UnitKind.NacMul), ("nalu", UnitKind.Nalu), ("linear", UnitKind.Linear),
    ];

    private static readonly (string Name, UnitOperation Op)[] Operations =
    [
        ("add", UnitOperation.Add), ("sub", UnitOperation.Sub), ("mul", UnitOperation.Mul),
        ("div", UnitOperation.Div), ("squared", UnitOperation.Square), ("root", UnitOperation.Root),
    ];

    private static readonly (string Name, UnitPrecision DType)[] DTypes =
    [
        ("float64", UnitPrecision.Float64), ("float32", UnitPrecision.Float32),
    ];

    public static IReadOnlyList<UnitsKey> All { get; } =
    [
        new("name", "text", "experiment name; the run folder is {runtime.run_dir}/{name}-{hash}-s{seed}",
            c => c.Name, (c, v) => c with { Name = NonEmpty(v) }),
        new("seed", "int", "run seed: the subsets' offset, the initial weights and the training batches",
            c => Int(c.Seed), (c, v) => c with { Seed = ParseInt(v, 0, int.MaxValue) }),
        new("task.operation", Names(Operations), "t = a ∘ b of the two subset sums (squared and root use a alone)",
            c => NameOf(Operations, c.Task.Operation), (c, v) => c with { Task = c.Task with { Operation = Pick(Operations, v) } }),
        new("task.input_size", "int", "n, the width of x",
            c => Int(c.Task.InputSize), (c, v) => c with { Task = c.Task with { InputSize = ParseInt(v, 1, 1_000_000) } }),
        new("task.subset_ratio", "float", "each subset is ⌊subset_ratio·n⌋ wide",
            c => YamlText.Float(c.Task.SubsetRatio), (c, v) => c with { Task = c.Task with { SubsetRatio = ParseFloat(v, 0, 1) } }),
        new("task.overlap_ratio", "float", "the subsets overlap by ⌊overlap_ratio·width⌋",
            c => YamlText.Float(c.Task.OverlapRatio), (c, v) => c with { Task = c.Task with { OverlapRatio = ParseFloat(v, 0, 1) } }),
        new("task.subsets", "text", "explicit subsets 'a0..a1 b0..b1' (0-based, end exclusive), instead of the ratios; '' uses the ratios",
            c => c.Task.Subsets is { } s ? $"{s.A.Start}..{s.A.End} {s.B.Start}..{s.B.End}" : "",
            (c, v) => c with { Task = c.Task with { Subsets = ParseSubsets(v) } }),
        new("task.interpolation", "range", "training and validation inputs: lo..hi, or a union lo..hi | lo..hi",
            c => c.Task.Interpolation.ToString(), (c, v) => c with { Task = c.Task with { Interpolation = InputRange.Parse(v) } }),
        new("task.extrapolation", "range", "test inputs: lo..hi, or a union lo..hi | lo..hi (each element picks an interval by a fair coin)",
            c => c.Task.Extrapolation.ToString(), (c, v) => c with { Task = c.Task with { Extrapolation = InputRange.Parse(v) } }),
        new("task.valid_size", "int", "rows of the fixed validation (interpolation) set",
            c => Int(c.Task.ValidSize), (c, v) => c with { Task = c.Task with { ValidSize = ParseInt(v, 1, 10_000_000) } }),
        new("task.test_size", "int", "rows of the fixed test (extrapolation) set",
            c => Int(c.Task.TestSize), (c, v) => c with { Task = c.Task with { TestSize = ParseInt(v, 1, 10_000_000) } }),
        new("task.valid_seed", "int", "seed of the validation set's inputs (stable-nalu's)",
            c => Int(c.Task.ValidSeed), (c, v) => c with { Task = c.Task with { ValidSeed = ParseInt(v, 0, int.MaxValue) } }),
        new("task.test_seed", "int", "seed of the test set's inputs (stable-nalu's)",
            c => Int(c.Task.TestSeed), (c, v) => c with { Task = c.Task with { TestSeed = ParseInt(v, 0, int.MaxValue) } }),
        new("model.first", Names(Units), "the first layer's unit (n → hidden)",
            c => NameOf(Units, c.Model.First), (c, v) => c with { Model = c.Model with { First = Pick(Units, v) } }),
        new("model.second", Names(Units), "the second layer's unit (hidden → 1)",
            c => NameOf(Units, c.Model.Second), (c, v) => c with { Model = c.Model with { Second = Pick(Units, v) } }),
        new("model.hidden", "int", "hidden width (the paper: 2)",
            c => Int(c.Model.Hidden), (c, v) => c with { Model = c.Model with { Hidden = ParseInt(v, 1, 4096) } }),
        new("model.linear_bias", "bool", "linear layers get a zero-initialised bias, as stable-nalu's `linear` BasicLayer (bias=True); the arithmetic units have none",
            c => c.Model.LinearBias ? "true" : "false", (c, v) => c with { Model = c.Model with { LinearBias = ParseBool(v) } }),
        new("train.iterations", "int", "optimiser steps (the paper: 5e6); fresh samples every step",
            c => Long(c.Train.Iterations), (c, v) => c with { Train = c.Train with { Iterations = ParseLong(v, 1) } }),
        new("train.batch_size", "int", "rows per step",
            c => Int(c.Train.BatchSize), (c, v) => c with { Train = c.Train with { BatchSize = ParseInt(v, 1, 1_000_000) } }),
        new("train.lr", "float", "Adam learning rate",
            c => YamlText.Float(c.Train.Lr), (c, v) => c with { Train = c.Train with { Lr = ParseFloat(v, 0, 10) } }),
        new("train.eval_every", "int", "steps between evaluations of the validation and test MSE",
            c => Int(c.Train.EvalEvery), (c, v) => c with { Train = c.Train with { EvalEvery = ParseInt(v, 1, int.MaxValue) } }),
        new("train.sparsity.lambda", "float", "λ̂, the sparsity regulariser's full weight (NAU, NMU)",
            c => YamlText.Float(c.Train.SparsityLambda), (c, v) => c with { Train = c.Train with { SparsityLambda = ParseFloat(v, 0, 1e9) } }),
        new("train.sparsity.start", "int", "step where λ starts its linear ramp from 0",
            c => Long(c.Train.SparsityStart), (c, v) => c with { Train = c.Train with { SparsityStart = ParseLong(v, 0) } }),
        new("train.sparsity.end", "int", "step where λ reaches λ̂",
            c => Long(c.Train.SparsityEnd), (c, v) => c with { Train = c.Train with { SparsityEnd = ParseLong(v, 0) } }),
        new("precision.dtype", Names(DTypes), "number type of inputs, weights, activations, gradients and Adam's moments (float32: the paper's; sums still in float64)",
            c => NameOf(DTypes, c.Precision.DType), (c, v) => c with { Precision = c.Precision with { DType = Pick(DTypes, v) } }),
        .. RecipeKeys(),
        new("success.epsilon", "float", "ε of the perturbed exact solution whose extrapolation MSE is the success threshold",
            c => YamlText.Float(c.Success.Epsilon), (c, v) => c with { Success = c.Success with { Epsilon = ParseFloat(v, 0, 1) } }),
        new("success.threshold_samples", "int", "Monte Carlo rows for the threshold",
            c => Int(c.Success.ThresholdSamples), (c, v) => c with { Success = c.Success with { ThresholdSamples = ParseInt(v, 1, 100_000_000) } }),
        new("runtime.run_dir", "text", "folder that holds run folders",
            c => c.Runtime.RunDir, (c, v) => c with { Runtime = c.Runtime with { RunDir = NonEmpty(v) } }),
        new("runtime.checkpoint_every", "int", "steps between checkpoints of `units train` (one is always written at the end)",
            c => Long(c.Runtime.CheckpointEvery), (c, v) => c with { Runtime = c.Runtime with { CheckpointEvery = ParseLong(v, 1) } }),
    ];

    public static UnitsKey? Find(string path) => All.FirstOrDefault(k => k.Path == path);

    /// <summary>Why a precision key of experiments has no meaning for a unit network, or null when it has one (or is no such key).</summary>
    public static string? Refusal(string path) => path switch
    {
        "precision.attention" => "a unit network has no attention; its roles are precision.weights, precision.activations, precision.gradients and precision.optimizer_state",
        "precision.lmul_matmuls" => "under precision.format: lmul every dot product of a unit network is an L-Mul product; there is no attention to choose",
        "precision.autocast" or "precision.loss_scale" or "precision.init_scale" or "precision.growth_interval" =>
            "unit networks run in float64 or float32 (precision.dtype) without autocast or loss scaling; low precision comes from precision.format",
        _ => null,
    };

    // What the experiment keys mean in a 100 → 2 → 1 unit network; the others read as in experiments.
    private static string UnitsMeaning(ConfigKey key) => key.Path switch
    {
        "precision.format" => "emulated low-precision recipe (docs/units.md, 'Number formats'): each layer's effective weight and input enter its arithmetic quantized, " +
            "the gradient with respect to its output is quantized in backward; fp8-current/fp8-delayed = E4M3 forward, E5M2 gradients; mxfp8/mxfp6/mxfp4 = OCP MX blocks along the inputs; " +
            "nvfp4; lmul = every dot product an L-Mul product; custom = the role keys alone. Master weights and Adam stay in precision.dtype",
        "precision.weights" => "format of each layer's effective weight (after the NAU/NMU clamp or the NAC's tanh·σ) as its arithmetic reads it; auto = the recipe's",
        "precision.activations" => "format of each layer's input x (NAC• and NALU take their log of it); auto = the recipe's",
        "precision.gradients" => "format of the gradient with respect to each layer's output, entering its backward; auto = the recipe's",
        "precision.optimizer_state" => "format Adam's two moments are rounded to after each step; auto = none",
        "precision.rounding" => "rounding of weights, inputs and optimizer state",
        _ => key.Doc,
    };

    /// <summary>The experiments' recipe keys (precision.format and the keys beside it), read and written through the same value kinds and defaults.</summary>
    private static IEnumerable<UnitsKey> RecipeKeys() =>
        PrecisionKeys.RecipeKeys.Where(k => Refusal(k.Path) is null).Select(k => new UnitsKey(
            k.Path,
            // A role takes lmul only in attention, which a unit network has not.
            PrecisionKeys.Roles.Any(r => r.Path == k.Path) ? k.Kind.TypeName.Replace(" | lmul", "", StringComparison.Ordinal) : k.Kind.TypeName,
            UnitsMeaning(k),
            c => k.ValueText(AsExperiment(c)),
            (c, v) =>
            {
                var parsed = k.Kind.Parse(new YamlDotNet.RepresentationModel.YamlScalarNode(v));
                if (parsed.Failed)
                {
                    throw new FormatException(parsed.Error + (parsed.Suggestion is { } s ? $"; did you mean '{s}'?" : ""));
                }
                var precision = k.SetValue(AsExperiment(c), parsed.Value!).Precision;
                return c with { Precision = c.Precision with { Format = precision.Format, LowPrecision = precision.LowPrecision } };
            }));

    // The units' recipe keys as they sit in an experiment config (lmul_matmuls left at its default: it is not a units key).
    private static ExperimentConfig AsExperiment(UnitsConfig c) => ExperimentConfig.Default with
    {
        Precision = ExperimentConfig.Default.Precision with { Format = c.Precision.Format, LowPrecision = c.Precision.LowPrecision },
    };

    /// <summary>Every known path, and every section prefix (<c>train</c>, <c>train.sparsity</c>).</summary>
    public static IEnumerable<string> Paths => All.Select(k => k.Path);

    public static bool IsSection(string path) => All.Any(k => k.Path.StartsWith(path + ".", StringComparison.Ordinal));

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Long(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Names<T>((string Name, T Value)[] table) => string.Join("|", table.Select(t => t.Name));

    private static string NameOf<T>((string Name, T Value)[] table, T value) => table.First(t => EqualityComparer<T>.Default.Equals(t.Value, value)).Name;

    private static T Pick<T>((string Name, T Value)[] table, string text)
    {
        foreach (var (name, value) in table)
        {
            if (name == text)
            {
                return value;
            }
        }
        var closest = ClosestName.Find(text, table.Select(t => t.Name));
        throw new FormatException($"expected one of {Names(table)}, got '{text}'" + (closest is null ? "" : $"; did you mean '{closest}'?"));
    }

    private static bool ParseBool(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"expected true or false, got '{text}'"),
    };

    private static string NonEmpty(string text) => text.Length > 0 ? text : throw new FormatException("must not be empty");

    private static int ParseInt(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : (int)ParseLong(text, min, max);

    private static long ParseLong(string text, long min, long max = long.MaxValue)
    {
        // Integers may be written 5e6 or 5_000_000, as the paper and YAML 1.1 do.
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(clean, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d) || Math.Abs(d) > 9e18)
            {
                throw new FormatException($"expected an integer, got '{text}'");
            }
            v = (long)d;
        }
        return v >= min && v <= max ? v : throw new FormatException($"expected an integer in [{min}, {max}], got '{text}'");
    }

    private static double ParseFloat(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v >= min && v <= max ? v : throw new FormatException($"expected a number in [{min}, {max}], got '{text}'")
            : throw new FormatException($"expected a number, got '{text}'");

    private static ((int, int), (int, int))? ParseSubsets(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"expected two subsets 'a0..a1 b0..b1', got '{text}'");
        }
        return (Range(parts[0]), Range(parts[1]));

        static (int, int) Range(string part)
        {
            var ends = part.Split("..");
            return ends.Length == 2
                   && int.TryParse(ends[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                   && int.TryParse(ends[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var e)
                   && s >= 0 && s < e
                ? (s, e)
                : throw new FormatException($"expected start..end with 0 ≤ start < end, got '{part}'");
        }
    }
}
