using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Models.Looped;
using ArithLab.Models.Positional;

namespace ArithLab.Training.Config;

/// <summary>
/// Rules that involve more than one key. Each problem is blamed on the key the user most likely
/// set (one given in the file or a `--set`), so the message points at a line they wrote.
/// </summary>
public static class ConfigValidator
{
    private static readonly DataFormat[] DigitFormats =
    [
        DataFormat.Plain, DataFormat.Reversed, DataFormat.ReversedAll, DataFormat.Padded, DataFormat.ReversedPadded,
        DataFormat.IndexHints, DataFormat.IndexHintsMcleish,
    ];

    /// <summary>Checks a config built in code (every value counts as a default for messages).</summary>
    public static IReadOnlyList<ConfigError> Validate(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Check(config, _ => ConfigSource.Default, new HashSet<string>());
    }

    /// <summary>Asks ArithLab.Data, the home of the formats, whether a format writes a task.</summary>
    private static bool FormatWrites(DataFormat format, TaskName task)
    {
        var kind = task.Create().Kind;
        if (format == DataFormat.Fone)
        {
            // FoNE embeds whole numbers, one per operand: any task whose operands and answer are numbers.
            return kind is not TaskKind.Sorting;
        }
        // The width only matters for writing; any positive one answers "does it support".
        return format.Create(new FormatOptions(PadWidth: 1)).Supports(kind);
    }

    /// <summary>
    /// Why data.digits.a and data.digits.b must be equal for the config's task: only a + b, a − b and
    /// a × b have a first and second operand of their own (<see cref="TaskSpec.SeparateLengthRanges"/>).
    /// </summary>
    public static string OneLengthRangeMessage(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (a, b) = (config.Data.DigitsA, config.Data.DigitsB);
        var taskName = config.Task.Name.Name;
        var why = config.Task.Name == TaskName.ModularAddition
            ? "draws residues below task.modulus, not lengths"
            : "has no operand a and b: every number's length comes from one range";
        return $"data.digits.a ({a}) and data.digits.b ({b}) differ, but {taskName} {why}; set both with data.digits.min and data.digits.max " +
            "(separate ranges apply to addition, subtraction, signed-subtraction and multiplication)";
    }

    internal static List<ConfigError> Check(ExperimentConfig c, Func<string, ConfigSource> sourceOf, IReadOnlySet<string> rejected)
    {
        var errors = new List<ConfigError>();

        // Blames the first of the keys that the user set, else the first key; skips rules on rejected values.
        void Rule(bool ok, string message, params string[] keys)
        {
            if (ok || keys.Any(rejected.Contains))
            {
                return;
            }
            var blamed = keys.FirstOrDefault(k => !sourceOf(k).IsDefault) ?? keys[0];
            errors.Add(new ConfigError(blamed, sourceOf(blamed), message));
        }

        var formatName = c.Data.Format.Name;
        var taskName = c.Task.Name.Name;

        // task
        var manyOperands = c.Task.Name == TaskName.MultiAddition || c.Task.Name == TaskName.Sorting;
        Rule(manyOperands || c.Task.Operands == 2,
            $"{taskName} takes 2 operands, got {c.Task.Operands}; only multi-addition and sorting take more", "task.operands", "task.name");

        // data
        Rule(c.Data.DigitsA.Min <= c.Data.DigitsA.Max,
            $"data.digits.a.min ({c.Data.DigitsA.Min}) must be ≤ data.digits.a.max ({c.Data.DigitsA.Max})", "data.digits.a.min", "data.digits.a.max");
        Rule(c.Data.DigitsB.Min <= c.Data.DigitsB.Max,
            $"data.digits.b.min ({c.Data.DigitsB.Min}) must be ≤ data.digits.b.max ({c.Data.DigitsB.Max})", "data.digits.b.min", "data.digits.b.max");
        var task = TaskRegistry.Get(taskName);
        // Blame a bound that differs between a and b, b's first: the usual slip is a range set for b alone.
        string[] differing = [
            .. c.Data.DigitsA.Max != c.Data.DigitsB.Max ? ["data.digits.b.max", "data.digits.a.max"] : Array.Empty<string>(),
            .. c.Data.DigitsA.Min != c.Data.DigitsB.Min ? ["data.digits.b.min", "data.digits.a.min"] : Array.Empty<string>(),
            "task.name",
        ];
        Rule(c.Data.DigitsA == c.Data.DigitsB || task.SeparateLengthRanges, OneLengthRangeMessage(c), differing);
        Rule(c.Data.DigitsA == c.Data.DigitsB || !task.KeepsAAtLeastB || c.Data.DigitsA.Max >= c.Data.DigitsB.Min,
            $"subtraction keeps a ≥ b, so operand a cannot be shorter than b: data.digits.a.max ({c.Data.DigitsA.Max}) must be ≥ data.digits.b.min ({c.Data.DigitsB.Min}); " +
            "signed-subtraction allows a < b", "data.digits.b.min", "data.digits.a.max", "task.name");
        var longest = Math.Max(c.Data.DigitsA.Max, c.Data.DigitsB.Max);
        Rule(c.Data.Format != DataFormat.Padded || c.Data.PadWidth == 0 || c.Data.PadWidth >= longest,
            $"data.pad_width ({c.Data.PadWidth}) is shorter than the longest training operand ({longest} digits)", "data.pad_width", "data.digits.a.max", "data.digits.b.max");
        Rule(c.Data.Positions is not (PositionScheme.Abacus or PositionScheme.Coupled) || DigitFormats.Contains(c.Data.Format),
            $"{ConfigKeys.PositionIdNames.NameOf(c.Data.Positions)} positions number digits, so they need a digit format " +
            $"({string.Join(", ", DigitFormats.Select(f => f.Name))}), not {formatName}", "data.positions", "data.format");
        Rule(c.Eval.AbacusOffset == 0 || c.Data.Positions == PositionScheme.Abacus,
            "eval.abacus_offset shifts Abacus position ids; it needs data.positions: abacus", "eval.abacus_offset", "data.positions");
        Rule(c.Data.CoupledMaxPosition == 0 || c.Data.CoupledMaxOffset == 0,
            "data.coupled_max_position sets the largest coupled id itself; data.coupled_max_offset only widens the derived one: set one of them",
            "data.coupled_max_offset", "data.coupled_max_position");
        Rule(FormatWrites(c.Data.Format, c.Task.Name),
            $"the {formatName} format does not write {taskName} problems", "data.format", "task.name");

        // model
        Rule(c.Model.DModel % c.Model.Heads == 0,
            $"model.d_model ({c.Model.DModel}) must be divisible by model.heads ({c.Model.Heads})", "model.heads", "model.d_model");
        var schemes = c.Model.Positional;
        Rule(schemes.Distinct().Count() == schemes.Count, "lists a scheme twice", "model.positional");
        Rule(!schemes.Contains(PositionalScheme.None) || schemes.Count == 1, "'none' cannot be combined with other schemes", "model.positional");
        Rule(!schemes.Contains(PositionalScheme.Rope) || c.Model.DModel % c.Model.Heads != 0 || c.Model.HeadDim % 2 == 0,
            $"rope rotates pairs of dimensions, so the head size d_model/heads must be even, got {c.Model.DModel}/{c.Model.Heads}",
            "model.positional", "model.d_model", "model.heads");
        Rule(schemes.Contains(PositionalScheme.Abacus) == (c.Data.Positions == PositionScheme.Abacus),
            "model.positional has abacus exactly when data.positions is abacus (the model embeds the ids the data emits)", "model.positional", "data.positions");
        Rule(schemes.Contains(PositionalScheme.Coupled) == (c.Data.Positions == PositionScheme.Coupled),
            "model.positional has coupled exactly when data.positions is coupled (the model embeds the ids the data emits)", "model.positional", "data.positions");
        Rule(c.Data.AbsoluteMaxOffset == 0 || c.Data.Positions != PositionScheme.Absolute || schemes.Contains(PositionalScheme.Learned),
            "data.absolute_max_offset moves the ids a learned table looks up; without learned in model.positional nothing reads them",
            "data.absolute_max_offset", "model.positional");
        Rule(c.Model.HardAlibiWindows.Count == 0 || schemes.Contains(PositionalScheme.HardAlibi),
            "model.hard_alibi_windows sets the windows of Hard-ALiBi heads; without hard-alibi in model.positional there are none",
            "model.hard_alibi_windows", "model.positional");
        Rule(c.Model.HardAlibiWindows.Count is 0 || c.Model.HardAlibiWindows.Count == c.Model.Heads,
            $"model.hard_alibi_windows gives {c.Model.HardAlibiWindows.Count} windows for {c.Model.Heads} heads: one per head",
            "model.hard_alibi_windows", "model.heads");
        Rule(c.Model.IdTable == IdTableKind.Learned || schemes.Contains(PositionalScheme.Abacus) || schemes.Contains(PositionalScheme.Coupled),
            "model.id_table chooses the table of Abacus or coupled ids; without abacus or coupled in model.positional there is none",
            "model.id_table", "model.positional");
        var looped = c.Model.Looped;
        Rule(looped.BlockLayers <= c.Model.Layers,
            $"model.looped.block_layers ({looped.BlockLayers}) must be ≤ model.layers ({c.Model.Layers})", "model.looped.block_layers", "model.layers");
        Rule(looped.IsLooped || looped.Recurrences == 1,
            "recurrences > 1 needs a recurrent block: set model.looped.block_layers", "model.looped.recurrences", "model.looped.block_layers");
        Rule(!looped.IsLooped || looped.InputInjection || looped.StateInit == StateInit.Embedding,
            $"without input injection the state must start from the embedding, or the block never reads the input; set model.looped.state_init: embedding (got {ConfigKeys.StateInits.NameOf(looped.StateInit)})",
            "model.looped.state_init", "model.looped.input_injection");
        Rule(looped.BackpropPasses <= looped.Recurrences,
            $"model.looped.backprop_passes ({looped.BackpropPasses}) must be ≤ model.looped.recurrences ({looped.Recurrences})", "model.looped.backprop_passes", "model.looped.recurrences");
        Rule(looped.BackpropPasses == 0 || looped.IsLooped,
            "backprop_passes truncates the backprop of a recurrent block: set model.looped.block_layers", "model.looped.backprop_passes", "model.looped.block_layers");
        Rule(looped.ProgressiveLoss.Alpha == 0 || (looped.IsLooped && looped.Recurrences > 1),
            "progressive loss needs a looped model with recurrences > 1", "model.looped.progressive_loss.alpha", "model.looped.recurrences");

        // train
        Rule(c.Train.MinLr <= c.Train.Lr, $"train.min_lr ({YamlText.Float(c.Train.MinLr)}) must be ≤ train.lr ({YamlText.Float(c.Train.Lr)})", "train.min_lr", "train.lr");
        Rule(c.Train.WarmupSteps <= c.Train.Steps, $"train.warmup_steps ({c.Train.WarmupSteps}) must be ≤ train.steps ({c.Train.Steps})", "train.warmup_steps", "train.steps");

        // precision
        Rule(c.Precision.LossScale.Mode == LossScaleMode.None || c.Precision.DType == DType.Float16,
            "loss scaling is for float16 (bfloat16 and float32 have float32's exponent range); set precision.dtype: float16 or loss_scale: none",
            "precision.loss_scale", "precision.dtype");
        Rule(!c.Precision.Autocast || c.Precision.DType != DType.Float32,
            "autocast to float32 does nothing; set precision.dtype to bfloat16 or float16", "precision.autocast", "precision.dtype");
        Precision.PrecisionRecipeRules.Check(c, Rule);

        // eval
        Rule(c.Eval.GridA.Min <= c.Eval.GridA.Max,
            $"eval.grid.a.min ({c.Eval.GridA.Min}) must be ≤ eval.grid.a.max ({c.Eval.GridA.Max})", "eval.grid.a.min", "eval.grid.a.max");
        Rule(c.Eval.GridB.Min <= c.Eval.GridB.Max,
            $"eval.grid.b.min ({c.Eval.GridB.Min}) must be ≤ eval.grid.b.max ({c.Eval.GridB.Max})", "eval.grid.b.min", "eval.grid.b.max");
        Rule(c.Eval.BeyondB == 0 || task.SeparateLengthRanges,
            $"eval.beyond_b gives operand b its own length, but {taskName} has no operand a and b of their own " +
            "(separate lengths apply to addition, subtraction, signed-subtraction and multiplication)", "eval.beyond_b", "task.name");
        Rule(c.Eval.BeyondB == 0 || !task.KeepsAAtLeastB || c.Eval.Beyond.All(n => n >= c.Eval.BeyondB),
            $"subtraction keeps a ≥ b, so every eval.beyond length must be ≥ eval.beyond_b ({c.Eval.BeyondB}), got [{string.Join(", ", c.Eval.Beyond)}]",
            "eval.beyond", "eval.beyond_b");
        Rule(c.Eval.Recurrences.Count == 0 || looped.IsLooped,
            "test-time recurrences need a looped model (model.looped.block_layers > 0)", "eval.recurrences", "model.looped.block_layers");

        return errors;
    }
}
