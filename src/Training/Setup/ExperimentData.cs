using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Formats;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;

namespace ArithLab.Training.Setup;

/// <summary>
/// The data side of an experiment, from its config: task, format, tokenizer and vocabulary, the
/// train/test split, position ids for training and for evaluation, and the batch streams. Training
/// and evaluation both build their data here, so they cannot disagree on a token id, a split or a
/// position table.
/// </summary>
public sealed class ExperimentData
{
    private readonly Lazy<IReadOnlyList<Problem>?> _trainingSet;

    public ExperimentData(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        var data = config.Data;
        if (data.Format == DataFormat.Fone && data.Spaces)
        {
            // A number must be one run of digit tokens to collapse into one [NUM] token.
            throw new NotSupportedException("data.format 'fone' writes numbers without spaces; set data.spaces to false");
        }
        if (data.Format == DataFormat.Fone && data.Positions != PositionScheme.None)
        {
            // Position ids are laid out per digit; after collapsing, a number has no digits to number.
            throw new NotSupportedException("data.format 'fone' has one token per number; set data.positions to none");
        }
        Task = config.Task.Name.Create(config.Task.Operands, config.Task.Modulus);
        if (data.DigitsA != data.DigitsB && !Task.SeparateLengthRanges)
        {
            // The loader reports this with the file and line (ConfigValidator); this catches configs built in code.
            throw new NotSupportedException(ConfigValidator.OneLengthRangeMessage(config));
        }
        LongestOperand = new[] { data.DigitsA.Max, data.DigitsB.Max, config.Eval.GridA.Max, config.Eval.GridB.Max, config.Eval.BeyondB }
            .Concat(config.Eval.Beyond).Max();
        var padWidth = data.PadWidth > 0 ? data.PadWidth : LongestOperand;
        // FoNE writes the plain format and the batcher collapses each number to one [NUM] token.
        Format = data.Format.Create(new FormatOptions(Spaces: data.Spaces, PadWidth: padWidth));
        FoneDigits = data.Format == DataFormat.Fone ? config.Model.Fone.Periods.Count : null;
        Tokenizer = FoneDigits is null ? CharTokenizer.For(Format, Task) : CharTokenizer.For(Format, Task, TokenText.Num);
        Split = new SplitRule(data.TestFraction, SplitSalt(data.SplitSeed));
        var trainLongest = LongestTrainingOperands();
        MaxTrainTokens = TokensOfLongest(trainLongest);
        MaxTokens = TokensOfLongest(Enumerable.Repeat(LongestOperand, Task.OperandCount).ToArray());
        // An answer has at most the operands' digits added up (a product), plus a sign or carry.
        var longestAnswer = Task.OperandCount * LongestOperand + 2;
        var trainAnswer = trainLongest.Sum() + 2;
        var couplingMax = data.CoupledMaxPosition > 0 ? CheckedCouplingMax(data, trainLongest) : trainAnswer + 2 + data.CoupledMaxOffset;
        TrainPositions = Positions(training: true, couplingMax);
        EvalPositions = Positions(training: false, Math.Max(couplingMax, longestAnswer + 2));
        // Rows of the Abacus / coupled table: every id training or evaluation can write.
        PositionTableSize = Math.Max(longestAnswer + Math.Max(data.AbacusMaxK, config.Eval.AbacusOffset) + 2, Math.Max(couplingMax, longestAnswer + 2) + 1);
        _trainingSet = new Lazy<IReadOnlyList<Problem>?>(DrawTrainingSet);
    }

    public ExperimentConfig Config { get; }

    public TaskSpec Task { get; }

    /// <summary>The format the examples are written in (plain under FoNE, before numbers collapse).</summary>
    public DigitFormat Format { get; }

    /// <summary>FoNE: digit classes per number (one per model.fone.period); null for digit-token formats.</summary>
    public int? FoneDigits { get; }

    public bool IsFone => FoneDigits is not null;

    public CharTokenizer Tokenizer { get; }

    public Vocabulary Vocabulary => Tokenizer.Vocabulary;

    /// <summary>The train/test partition of problem space (data.test_fraction, data.split_seed).</summary>
    public SplitRule Split { get; }

    /// <summary>Longest operand anywhere in the experiment: training, the eval grid, `eval.beyond` and `eval.beyond_b`.</summary>
    public int LongestOperand { get; }

    /// <summary>Most prompt + target tokens a training example can have.</summary>
    public int MaxTrainTokens { get; }

    /// <summary>Most prompt + target tokens any example of the experiment (training or evaluation) can have.</summary>
    public int MaxTokens { get; }

    /// <summary>Position ids while training: random Abacus offsets and coupled starts.</summary>
    public PositionOptions TrainPositions { get; }

    /// <summary>Position ids at evaluation: no random offsets.</summary>
    public PositionOptions EvalPositions { get; }

    /// <summary>Rows an Abacus or coupled table needs for every id training and evaluation write.</summary>
    public int PositionTableSize { get; }

    public LossScope LossScope => Config.Data.LossOn;

    /// <summary>The salt of the split: split_seed 0 keeps ArithLab.Data's default salt.</summary>
    public static ulong SplitSalt(int splitSeed) => new SplitRule().Salt + (ulong)splitSeed;

    /// <summary>
    /// Batch options for training (train.batch_size, training positions, data.loss_on) or evaluation
    /// (evaluation positions; the loss on the answer alone, whatever data.loss_on says).
    /// </summary>
    public BatchOptions BatchOptions(int batchSize, bool training) => new()
    {
        BatchSize = batchSize,
        MaxLength = (training ? MaxTrainTokens : MaxTokens) + 2,
        Positions = training ? TrainPositions : EvalPositions,
        Loss = training ? LossScope : LossScope.Answer,
        FoneDigits = FoneDigits,
    };

    /// <summary>
    /// The endless training stream: problems from the train side of the split at the training lengths,
    /// drawn and laid out exactly as the seed says: fresh every step, or (data.train_size) the fixed
    /// <see cref="TrainingSet"/> in epochs shuffled from the seed. A new stream from the same seed repeats
    /// the batches, which is how a resumed run finds its place (it skips the batches already trained on),
    /// epoch position included.
    /// </summary>
    public BatchStream TrainStream(int seed)
    {
        IProblemSource problems = TrainingSet is { } set
            ? new EpochCycle(set, Task, Seeds.Epochs(seed))
            : new ProblemSampler(TrainingLengths(Seeds.Problems(seed), SplitSide.Train));
        var source = new SamplerSource(problems, Format, Tokenizer, MaxTrainTokens);
        return new BatchStream(source, Vocabulary, BatchOptions(Config.Train.BatchSize, training: true), Seeds.Positions(seed));
    }

    /// <summary>
    /// data.train_size distinct problems from the train side of the split at the training lengths, drawn
    /// once with the split seed (the same set for every run seed, never a held-out problem); null when
    /// data.train_size is 0 (fresh problems every step).
    /// </summary>
    public IReadOnlyList<Problem>? TrainingSet => _trainingSet.Value;

    /// <summary>Distinct problems from the test side at the training lengths, the same for every run seed.</summary>
    public IReadOnlyList<Problem> HeldOutProblems(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var sampler = new ProblemSampler(TrainingLengths(Seeds.HeldOut(Config.Data.SplitSeed), SplitSide.Test));
        // Small length ranges hold few test problems; stop drawing once repeats dominate.
        return DistinctProblems.Draw(sampler, count, 20L * count);
    }

    /// <summary>Packs problems into one evaluation batch (evaluation position ids).</summary>
    public Batch Pack(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var examples = problems.Select(Format.Format).ToList();
        return BatchStream.Pack(examples, Vocabulary, BatchOptions(examples.Count, training: false), seed: 0);
    }

    /// <summary>
    /// Sampling at the training lengths: operand a from data.digits.a, operand b from data.digits.b
    /// (e.g. N×2 multiplication), every operand of other tasks from the one range they share.
    /// </summary>
    private SamplerOptions TrainingLengths(ulong seed, SplitSide side)
    {
        var (a, b) = (Config.Data.DigitsA, Config.Data.DigitsB);
        var options = new SamplerOptions(Task, a.Min, a.Max, seed, side, Split) { Lengths = Config.Data.Lengths };
        // Equal ranges draw the same problems with or without b's own range.
        return Task.SeparateLengthRanges ? options with { DigitsB = b.ToLengthRange() } : options;
    }

    private IReadOnlyList<Problem>? DrawTrainingSet()
    {
        var size = Config.Data.TrainSize;
        if (size == 0)
        {
            return null;
        }
        var sampler = new ProblemSampler(TrainingLengths(Seeds.TrainingSet(Config.Data.SplitSeed), SplitSide.Train));
        var set = DistinctProblems.Draw(sampler, size, 50L * size);
        return set.Count == size
            ? set
            : throw new InvalidOperationException(
                $"data.train_size {size}: only {set.Count} distinct training problems found in {50L * size} draws at these lengths; " +
                "lower data.train_size or widen data.digits");
    }

    /// <summary>The longest training length of each operand: a's, b's, and a's again for the rest.</summary>
    private int[] LongestTrainingOperands()
    {
        var (a, b) = (Config.Data.DigitsA.Max, Config.Data.DigitsB.Max);
        if (Task.KeepsAAtLeastB)
        {
            b = Math.Min(a, b); // non-negative subtraction never draws b longer than a
        }
        var longest = new int[Task.OperandCount];
        for (var i = 0; i < longest.Length; i++)
        {
            longest[i] = i == 1 ? b : a;
        }
        return longest;
    }

    private PositionOptions Positions(bool training, int couplingMax) => new()
    {
        Scheme = Config.Data.Positions,
        Training = training,
        AbsoluteMaxOffset = Config.Data.AbsoluteMaxOffset,
        AbacusMaxOffset = Config.Data.AbacusMaxK,
        AbacusOffsetPerExample = Config.Data.AbacusKPerExample,
        AbacusEvalOffset = Config.Eval.AbacusOffset,
        CouplingMaxPosition = Math.Max(3, couplingMax),
    };

    /// <summary>
    /// data.coupled_max_position, once it is known to hold the longest training example: its ids
    /// run from the start to start + K + 1 (K its answer's top significance), so max_pos ≥ K + 2.
    /// </summary>
    private int CheckedCouplingMax(DataConfig data, int[] trainLongest)
    {
        var example = Format.Format(ProblemFactory.Create(Task, trainLongest.Select(d => BigInteger.Pow(10, d) - 1).ToArray()));
        var tokens = example.Prompt.Concat(example.Target).ToArray();
        var top = CoupledPositions.TopSignificance(
            tokens.Select(t => t.Number).ToArray(), tokens.Select(t => t.Significance).ToArray(), example.Prompt.Count, Task.Kind);
        if (data.CoupledMaxPosition < top + 2)
        {
            throw new NotSupportedException(
                $"data.coupled_max_position {data.CoupledMaxPosition} is below {top + 2}, the ids of the longest training example ({string.Join(" and ", trainLongest)} digits)");
        }
        return data.CoupledMaxPosition;
    }

    // Tokens of the longest problem at these operand lengths (one per operand): every operand all
    // nines makes the longest answer of every task; twice that plus slack covers formats whose length varies.
    private int TokensOfLongest(int[] digits)
    {
        var operands = digits
            .Select(d => Task.Kind == TaskKind.ModularAddition ? new BigInteger(Task.Modulus - 1) : BigInteger.Pow(10, d) - 1)
            .ToArray();
        var example = Format.Format(ProblemFactory.Create(Task, operands));
        return 2 * (example.Prompt.Count + example.Target.Count) + 8;
    }
}
