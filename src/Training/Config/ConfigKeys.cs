using ArithLab.Data.Batching;
using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Models;
using ArithLab.Models.Looped;
using ArithLab.Models.Positional;

namespace ArithLab.Training.Config;

/// <summary>
/// The table of every experiment key: the loader, the validator's messages, the canonical writer,
/// the hash and `arithlab config explain` all read it. Order here is the order written out.
/// </summary>
public static class ConfigKeys
{
    /// <summary>The tasks of ArithLab.Data, by their names there; aliases are older spellings.</summary>
    public static readonly NameKind<TaskName> TaskNames = new(
        TaskName.All.SelectMany(t => t.Aliases.Prepend(t.Name).Select(name => (name, t))).ToArray());

    /// <summary>The formats of ArithLab.Data, by their names there.</summary>
    public static readonly NameKind<DataFormat> Formats = new(DataFormat.All.Select(f => (f.Name, f)).ToArray());

    public static readonly EnumKind<PositionScheme> PositionIdNames = new(
        ("none", PositionScheme.None),
        ("absolute", PositionScheme.Absolute),
        ("abacus", PositionScheme.Abacus),
        ("coupled", PositionScheme.Coupled));

    /// <summary>The model's positional-scheme registry: canonical names are written, aliases (nope, hard_alibi) still read.</summary>
    public static readonly NameKind<PositionalScheme> PositionalSchemes = new(
        PositionalScheme.All.SelectMany(s => s.Spellings.Select(name => (name, s))).ToArray());

    public static readonly EnumKind<StateInit> StateInits = new(
        ("zero", StateInit.Zero),
        ("embedding", StateInit.Embedding),
        ("noise", StateInit.Noise));

    private static readonly ConfigLens<ExperimentConfig> Root = new(c => c, (_, v) => v);
    private static readonly ConfigLens<TaskConfig> Task = Root.Then(c => c.Task, (c, v) => c with { Task = v });
    private static readonly ConfigLens<DataConfig> Data = Root.Then(c => c.Data, (c, v) => c with { Data = v });
    private static readonly ConfigLens<ModelConfig> Model = Root.Then(c => c.Model, (c, v) => c with { Model = v });
    private static readonly ConfigLens<LoopedConfig> Looped = Model.Then(m => m.Looped, (m, v) => m with { Looped = v });
    private static readonly ConfigLens<TrainConfig> Train = Root.Then(c => c.Train, (c, v) => c with { Train = v });
    private static readonly ConfigLens<PrecisionConfig> Precision = Root.Then(c => c.Precision, (c, v) => c with { Precision = v });
    private static readonly ConfigLens<EvalConfig> Eval = Root.Then(c => c.Eval, (c, v) => c with { Eval = v });
    private static readonly ConfigLens<RuntimeConfig> Runtime = Root.Then(c => c.Runtime, (c, v) => c with { Runtime = v });

    private static readonly IntKind Positive = new(1);
    private static readonly IntKind NonNegative = new(0);
    private static readonly IntKind Digits = new(1, 100_000);
    private static readonly BoolKind Bool = new();

    /// <summary>Every key, in canonical order.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        Root.Key("name", new TextKind(allowEmpty: false, typeName: "text", rule: CheckName), "run name; names the run directory", c => c.Name, (c, v) => c with { Name = v }, required: true),
        Root.Key("seed", NonNegative, "seed of weights, batches and dropout; same seed, same machine, same loss curve", c => c.Seed, (c, v) => c with { Seed = v }),
        Root.Key("description", new TextKind(), "free text kept with the run", c => c.Description, (c, v) => c with { Description = v }),

        Task.Key("task.name", TaskNames, "the arithmetic task", t => t.Name, (t, v) => t with { Name = v }),
        Task.Key("task.operands", new IntKind(2, 1000), "numbers per problem: 2 for binary tasks; more for multi-addition and sorting", t => t.Operands, (t, v) => t with { Operands = v }),
        Task.Key("task.modulus", new IntKind(2, TaskSpec.MaxModulus), "modulus of modular-addition (each residue is one token)", t => t.Modulus, (t, v) => t with { Modulus = v }),

        Data.Key("data.format", Formats, "how problems are written as tokens", d => d.Format, (d, v) => d with { Format = v }),
        Data.Key("data.spaces", Bool, "separate digits by spaces", d => d.Spaces, (d, v) => d with { Spaces = v }),
        Data.Key("data.pad_width", NonNegative, "digits operands are zero-padded to in the padded format; 0 = longest operand", d => d.PadWidth, (d, v) => d with { PadWidth = v }),
        Data.Shorthand<int>("data.digits.min", Digits, "shorthand: shortest training operand, for both a and b", (d, v) => d with { DigitsA = d.DigitsA with { Min = v }, DigitsB = d.DigitsB with { Min = v } }),
        Data.Shorthand<int>("data.digits.max", Digits, "shorthand: longest training operand, for both a and b", (d, v) => d with { DigitsA = d.DigitsA with { Max = v }, DigitsB = d.DigitsB with { Max = v } }),
        Data.Key("data.digits.a.min", Digits, "shortest training length of operand a", d => d.DigitsA.Min, (d, v) => d with { DigitsA = d.DigitsA with { Min = v } }),
        Data.Key("data.digits.a.max", Digits, "longest training length of operand a", d => d.DigitsA.Max, (d, v) => d with { DigitsA = d.DigitsA with { Max = v } }),
        Data.Key("data.digits.b.min", Digits, "shortest training length of operand b; may differ from a for addition, subtraction and multiplication only", d => d.DigitsB.Min, (d, v) => d with { DigitsB = d.DigitsB with { Min = v } }),
        Data.Key("data.digits.b.max", Digits, "longest training length of operand b; may differ from a for addition, subtraction and multiplication only", d => d.DigitsB.Max, (d, v) => d with { DigitsB = d.DigitsB with { Max = v } }),
        Data.Key("data.lengths", new EnumKind<LengthDistribution>(("buckets", LengthDistribution.Buckets), ("values", LengthDistribution.Values)), "how training draws operand lengths: buckets (every length equally likely, then digits uniform; McLeish, Cho) or values (each operand uniform over all numbers of its lengths, e.g. [0, 1000) for 1-3 digits; Lee et al.'s test set)", d => d.Lengths, (d, v) => d with { Lengths = v }),
        Data.Key("data.positions", PositionIdNames, "position ids emitted with the tokens", d => d.Positions, (d, v) => d with { Positions = v }),
        Data.Key("data.absolute_max_offset", NonNegative, "largest random start of absolute position ids at training time (an example anywhere in a context window)", d => d.AbsoluteMaxOffset, (d, v) => d with { AbsoluteMaxOffset = v }),
        Data.Key("data.abacus_max_k", Positive, "largest random Abacus offset at training time (McLeish et al. 2024 use 100)", d => d.AbacusMaxK, (d, v) => d with { AbacusMaxK = v }),
        Data.Key("data.abacus_k_per_example", Bool, "draw the Abacus offset k per training example instead of once per batch (the reference draws it per batch)", d => d.AbacusKPerExample, (d, v) => d with { AbacusKPerExample = v }),
        Data.Key("data.coupled_max_offset", NonNegative, "coupled ids with coupled_max_position 0: training's largest id is the sum of the longest training operands' lengths + 4 + this, so even at 0 the starting id is random within that span", d => d.CoupledMaxOffset, (d, v) => d with { CoupledMaxOffset = v }),
        Data.Key("data.coupled_max_position", NonNegative, "largest coupled id training writes (Cho et al.'s max_pos; starts uniform in [1, max_pos - K - 1]); 0 derives it from the training lengths and coupled_max_offset", d => d.CoupledMaxPosition, (d, v) => d with { CoupledMaxPosition = v }),
        Data.Key("data.loss_on", new EnumKind<LossScope>(("answer", LossScope.Answer), ("all", LossScope.Sequence)), "tokens that carry the loss", d => d.LossOn, (d, v) => d with { LossOn = v }),
        Data.Key("data.test_fraction", new FloatKind(0, 1, minExclusive: true, maxExclusive: true), "share of problems held out for testing, chosen by a hash of the problem", d => d.TestFraction, (d, v) => d with { TestFraction = v }),
        Data.Key("data.split_seed", NonNegative, "seed of the train/test split, apart from the run seed so runs share a split", d => d.SplitSeed, (d, v) => d with { SplitSeed = v }),
        Data.Key("data.train_size", new IntKind(0, 10_000_000), "distinct training problems, drawn once from the train side of the split with the split seed and cycled in epochs reshuffled from the run seed; 0 = fresh problems every step", d => d.TrainSize, (d, v) => d with { TrainSize = v }),

        Model.Key("model.layers", Positive, "transformer blocks", m => m.Layers, (m, v) => m with { Layers = v }),
        Model.Key("model.d_model", Positive, "width of the residual stream", m => m.DModel, (m, v) => m with { DModel = v }),
        Model.Key("model.heads", Positive, "attention heads; must divide d_model", m => m.Heads, (m, v) => m with { Heads = v }),
        Model.Key("model.d_ff", Positive, "hidden width of the MLP", m => m.DFf, (m, v) => m with { DFf = v }),
        Model.Key("model.activation", new EnumKind<Activation>(("gelu", Activation.Gelu), ("relu", Activation.Relu), ("swiglu", Activation.SwiGlu), ("geglu", Activation.GeGlu)), "MLP nonlinearity (swiglu/geglu are gated, Shazeer 2020)", m => m.Activation, (m, v) => m with { Activation = v }),
        Model.Key("model.norm", new EnumKind<NormKind>(("layernorm", NormKind.LayerNorm), ("rmsnorm", NormKind.RmsNorm)), "normalisation layer", m => m.Norm, (m, v) => m with { Norm = v }),
        Model.Key("model.norm_placement", new EnumKind<NormPlacement>(("pre", NormPlacement.Pre), ("post", NormPlacement.Post), ("pre-post", NormPlacement.PrePost), ("pre_post", NormPlacement.PrePost)), "norm before each sublayer (pre), after the residual sum (post), or both with separate weights (pre-post, Cho et al. 2024)", m => m.NormPlacement, (m, v) => m with { NormPlacement = v }),
        Model.Key("model.dropout", new FloatKind(0, 1, maxExclusive: true), "dropout probability", m => m.Dropout, (m, v) => m with { Dropout = v }),
        Model.Key("model.bias", Bool, "biases in linear layers and norms", m => m.Bias, (m, v) => m with { Bias = v }),
        Model.Key("model.tie_embeddings", Bool, "share the token embedding with the output projection", m => m.TieEmbeddings, (m, v) => m with { TieEmbeddings = v }),
        Model.Key("model.positional", new ListKind<PositionalScheme>(PositionalSchemes, minCount: 1), "positional schemes, combined (e.g. [abacus, rope])", m => m.Positional, (m, v) => m with { Positional = v }),
        Model.Key("model.rope_base", new FloatKind(0, minExclusive: true), "RoPE base θ (Su et al. 2021)", m => m.RopeBase, (m, v) => m with { RopeBase = v }),
        Model.Key("model.hard_alibi_windows", new ListKind<int>(NonNegative), "Hard-ALiBi: keys each head sees, one per head, 0 = all (a NoPE head); [] = the first half of the heads at 1, 2, ... and the rest unlimited (sjelassi/transformers_ssm_copy masks 8 of its 12 heads by default: [1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0])", m => m.HardAlibiWindows, (m, v) => m with { HardAlibiWindows = v }),
        Model.Key("model.id_table", new EnumKind<IdTableKind>(("learned", IdTableKind.Learned), ("sinusoidal", IdTableKind.Sinusoidal), ("learned-sinusoidal", IdTableKind.LearnedSinusoidal)), "table the Abacus and coupled ids index: learned (the papers'), fixed sinusoids of the id, so that id pairs no training example held still have a dot product set by their distance, or learned-sinusoidal: learned, its rows starting as those sinusoids at the other embeddings' scale (std 0.02)", m => m.IdTable, (m, v) => m with { IdTable = v }),
        Model.Key("model.max_positions", Positive, "longest sequence the learned or sinusoidal table covers", m => m.MaxPositions, (m, v) => m with { MaxPositions = v }),
        Looped.Key("model.looped.block_layers", NonNegative, "layers in the recurrent block; 0 = not looped", l => l.BlockLayers, (l, v) => l with { BlockLayers = v }),
        Looped.Key("model.looped.recurrences", Positive, "times the block is applied in training", l => l.Recurrences, (l, v) => l with { Recurrences = v }),
        Looped.Key("model.looped.input_injection", Bool, "add the embedded input to the block input on every recurrence", l => l.InputInjection, (l, v) => l with { InputInjection = v }),
        Looped.Key("model.looped.state_init", StateInits, "recurrent state before the first pass: zero (with injection the first pass reads the embedding once), embedding (reads it twice; runs made before this key), noise (N(0, 0.02²) in training, 0 in eval)", l => l.StateInit, (l, v) => l with { StateInit = v },
            keepsEarlierBehaviour: l => !l.IsLooped || l.StateInit == StateInit.Embedding),
        Looped.Key("model.looped.backprop_passes", NonNegative, "passes back-propagated through (truncated backprop; the earlier passes run without gradient); 0 = every pass", l => l.BackpropPasses, (l, v) => l with { BackpropPasses = v }),
        Looped.Key("model.looped.progressive_loss.alpha", new FloatKind(0, 1), "weight of the progressive loss (Bansal et al. 2022): n recurrences without gradient then k with; 0 = off", l => l.ProgressiveLoss.Alpha, (l, v) => l with { ProgressiveLoss = l.ProgressiveLoss with { Alpha = v } }),
        Model.Key("model.fone.periods", new ListKind<int>(new IntKind(2), minCount: 1), "FoNE periods, one cos/sin pair each (Zhou et al. 2024)", m => m.Fone.Periods, (m, v) => m with { Fone = m.Fone with { Periods = v } }),

        Train.Key("train.steps", Positive, "optimizer steps", t => t.Steps, (t, v) => t with { Steps = v }),
        Train.Key("train.batch_size", Positive, "problems per step", t => t.BatchSize, (t, v) => t with { BatchSize = v }),
        Train.Key("train.optimizer", new EnumKind<OptimizerKind>(("adamw", OptimizerKind.AdamW), ("sgd", OptimizerKind.Sgd)), "optimizer", t => t.Optimizer, (t, v) => t with { Optimizer = v }),
        Train.Key("train.lr", new FloatKind(0, minExclusive: true), "peak learning rate", t => t.Lr, (t, v) => t with { Lr = v }),
        Train.Key("train.min_lr", new FloatKind(0), "learning rate at the end of a cosine or linear schedule", t => t.MinLr, (t, v) => t with { MinLr = v }),
        Train.Key("train.schedule", new EnumKind<LrSchedule>(("constant", LrSchedule.Constant), ("cosine", LrSchedule.Cosine), ("linear", LrSchedule.Linear)), "learning-rate decay after warmup", t => t.Schedule, (t, v) => t with { Schedule = v }),
        Train.Key("train.warmup_steps", NonNegative, "linear warmup: step s < W trains at lr·(s+1)/W", t => t.WarmupSteps, (t, v) => t with { WarmupSteps = v }),
        Train.Key("train.weight_decay", new FloatKind(0), "decoupled weight decay (AdamW) or L2 (SGD)", t => t.WeightDecay, (t, v) => t with { WeightDecay = v }),
        Train.Key("train.betas", new BetasKind(), "AdamW moment decay rates", t => t.Betas, (t, v) => t with { Betas = v }),
        Train.Key("train.eps", new FloatKind(0, minExclusive: true), "AdamW denominator epsilon", t => t.Eps, (t, v) => t with { Eps = v }),
        Train.Key("train.momentum", new FloatKind(0, 1, maxExclusive: true), "SGD momentum", t => t.Momentum, (t, v) => t with { Momentum = v }),
        Train.Key("train.grad_clip", new FloatKind(0), "max global gradient norm; 0 = no clipping", t => t.GradClip, (t, v) => t with { GradClip = v }),
        Train.Key("train.label_smoothing", new FloatKind(0, 1, maxExclusive: true), "label smoothing of the cross-entropy", t => t.LabelSmoothing, (t, v) => t with { LabelSmoothing = v }),
        Train.Key("train.eval_every", Positive, "steps between evaluations on held-out problems", t => t.EvalEvery, (t, v) => t with { EvalEvery = v }),

        Precision.Key("precision.dtype", new EnumKind<DType>(("float32", DType.Float32), ("bfloat16", DType.BFloat16), ("float16", DType.Float16)), "floating-point type of training", p => p.DType, (p, v) => p with { DType = v }),
        Precision.Key("precision.autocast", Bool, "run matmuls in dtype while master weights stay float32", p => p.Autocast, (p, v) => p with { Autocast = v }),
        Precision.Key("precision.loss_scale", new LossScaleKind(), "loss scaling for float16: dynamic, none, or a fixed factor", p => p.LossScale, (p, v) => p with { LossScale = v }),
        Precision.Key("precision.init_scale", new FloatKind(0, minExclusive: true), "first dynamic loss scale", p => p.InitScale, (p, v) => p with { InitScale = v }),
        Precision.Key("precision.growth_interval", Positive, "clean steps before a dynamic loss scale doubles", p => p.GrowthInterval, (p, v) => p with { GrowthInterval = v }),
        .. PrecisionKeys.For(Precision),

        Eval.Key("eval.grid.a.min", Digits, "shortest operand a on the heatmap", e => e.GridA.Min, (e, v) => e with { GridA = e.GridA with { Min = v } }),
        Eval.Key("eval.grid.a.max", Digits, "longest operand a on the heatmap", e => e.GridA.Max, (e, v) => e with { GridA = e.GridA with { Max = v } }),
        Eval.Key("eval.grid.b.min", Digits, "shortest operand b on the heatmap", e => e.GridB.Min, (e, v) => e with { GridB = e.GridB with { Min = v } }),
        Eval.Key("eval.grid.b.max", Digits, "longest operand b on the heatmap", e => e.GridB.Max, (e, v) => e with { GridB = e.GridB with { Max = v } }),
        Eval.Key("eval.per_cell", Positive, "problems sampled per grid cell", e => e.PerCell, (e, v) => e with { PerCell = v }),
        Eval.Key("eval.beyond", new ListKind<int>(Digits), "lengths n tested beyond the grid: a = b = n, or a = n and b = eval.beyond_b", e => e.Beyond, (e, v) => e with { Beyond = v }),
        Eval.Key("eval.beyond_b", new IntKind(0, 100_000), "operand b's length beyond the grid (e.g. 2 for N×2 multiplication); 0 = the same as a", e => e.BeyondB, (e, v) => e with { BeyondB = v }),
        Eval.Key("eval.recurrences", new ListKind<int>(Positive), "test-time recurrences of a looped model; [] = the training value", e => e.Recurrences, (e, v) => e with { Recurrences = v }),
        Eval.Key("eval.batch_size", Positive, "problems per evaluation batch", e => e.BatchSize, (e, v) => e with { BatchSize = v }),
        Eval.Key("eval.abacus_offset", NonNegative, "Abacus ids: the offset k added at evaluation, held-out checks included (0 as the reference; a k in [0, data.abacus_max_k] reads rows training reaches more often)", e => e.AbacusOffset, (e, v) => e with { AbacusOffset = v }),

        Runtime.Key("runtime.device", new TextKind(allowEmpty: false, typeName: "auto | cpu | cuda | cuda:N", rule: CheckDevice), "where to train; auto picks CUDA when libtorch has it", r => r.Device, (r, v) => r with { Device = v }),
        Runtime.Key("runtime.threads", NonNegative, "CPU threads; 0 = every core. On a CPU each batch is split into one shard per thread (docs/training.md)", r => r.Threads, (r, v) => r with { Threads = v }),
        Runtime.Key("runtime.log_format", new EnumKind<LogFormat>(("jsonl", LogFormat.Jsonl), ("csv", LogFormat.Csv)), "metrics file format", r => r.LogFormat, (r, v) => r with { LogFormat = v }),
        Runtime.Key("runtime.log_every", Positive, "steps between metric lines", r => r.LogEvery, (r, v) => r with { LogEvery = v }),
        Runtime.Key("runtime.checkpoint_every", NonNegative, "steps between checkpoints; 0 = final only", r => r.CheckpointEvery, (r, v) => r with { CheckpointEvery = v }),
        Runtime.Key("runtime.keep_checkpoints", NonNegative, "most recent checkpoints kept; 0 = all", r => r.KeepCheckpoints, (r, v) => r with { KeepCheckpoints = v }),
        Runtime.Key("runtime.run_dir", new TextKind(allowEmpty: false), "parent folder of run directories", r => r.RunDir, (r, v) => r with { RunDir = v }),
        Runtime.Key("runtime.progress", Bool, "show a progress line on the terminal", r => r.Progress, (r, v) => r with { Progress = v }),
    ];

    private static readonly Dictionary<string, ConfigKey> ByPath = All.ToDictionary(k => k.Path, StringComparer.Ordinal);

    private static readonly HashSet<string> GroupPaths = All
        .SelectMany(k => Prefixes(k.Path))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The key at a full path, or null.</summary>
    public static ConfigKey? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The key at a full path; throws for an unknown one (a programming error, not a user's).</summary>
    public static ConfigKey Get(string path) =>
        Find(path) ?? throw new ArgumentException($"no config key '{path}'", nameof(path));

    /// <summary>Whether the path names a mapping of keys (`model`, `model.looped`, `data.digits`).</summary>
    public static bool IsGroup(string path) => GroupPaths.Contains(path);

    /// <summary>The names valid directly inside a mapping ("" for the top level), keys and sub-mappings alike.</summary>
    public static IReadOnlyList<string> NamesIn(string parent)
    {
        var prefix = parent.Length == 0 ? "" : parent + ".";
        return All.Select(k => k.Path)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[prefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var i = path.IndexOf('.', StringComparison.Ordinal); i >= 0; i = path.IndexOf('.', i + 1))
        {
            yield return path[..i];
        }
    }

    /// <summary>The longest run name: its folder adds the hash and seed, and must stay under file systems' 255 bytes.</summary>
    public const int MaxNameLength = 100;

    // Run names become folder names: keep them portable across file systems.
    private static string? CheckName(string name) =>
        !(name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.') && name[0] != '.')
            ? $"must use only ASCII letters (a-z, A-Z), digits, '-', '_' and '.' (it names a folder), got '{name}'"
            : name.Length > MaxNameLength
                ? $"is {name.Length} characters long; a run name may have at most {MaxNameLength} (it names a folder)"
                : null;

    private static string? CheckDevice(string device)
    {
        if (device is "auto" or "cpu" or "cuda")
        {
            return null;
        }
        if (device.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(device[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return null;
        }
        var hint = ClosestName.Find(device, ["auto", "cpu", "cuda"]);
        return $"expected auto, cpu, cuda or cuda:N, got '{device}'" + (hint is null ? "" : $"; did you mean '{hint}'?");
    }
}
