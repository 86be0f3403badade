using ArithLab.Data.Batching;
using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;

namespace ArithLab.Training.Config;

/// <summary>`data`: how problems are sampled and written as tokens.</summary>
public sealed record DataConfig
{
    public DataFormat Format { get; init; } = DataFormat.Reversed;

    /// <summary>Whether digits are separated by spaces (one token per digit in BPE-free vocabularies anyway).</summary>
    public bool Spaces { get; init; }

    /// <summary>Width operands are zero-padded to in the padded format; 0 pads to the longest operand of the grid.</summary>
    public int PadWidth { get; init; }

    /// <summary>Training lengths of the first operand.</summary>
    public DigitRange DigitsA { get; init; } = new(1, 3);

    /// <summary>Training lengths of the second operand.</summary>
    public DigitRange DigitsB { get; init; } = new(1, 3);

    public PositionScheme Positions { get; init; } = PositionScheme.None;

    /// <summary>
    /// Absolute positions (data.positions: absolute, read by a learned table): while training, each
    /// example's ids start at a random s in [0, this] instead of 0, as an example anywhere in a
    /// NanoGPT context window; evaluation starts at 0. Other position schemes ignore it.
    /// </summary>
    public int AbsoluteMaxOffset { get; init; }

    /// <summary>Largest random Abacus offset k drawn at training time; McLeish et al. 2024 use 100.</summary>
    public int AbacusMaxK { get; init; } = 100;

    /// <summary>Abacus: draw the offset k per training example instead of once per training batch.</summary>
    public bool AbacusKPerExample { get; init; }

    /// <summary>
    /// Coupled ids when <see cref="CoupledMaxPosition"/> is 0: the largest id training writes is the
    /// sum of the longest training operands' lengths + 4 + this (ExperimentData), so even at 0 the
    /// starting id is random within that span.
    /// </summary>
    public int CoupledMaxOffset { get; init; }

    /// <summary>
    /// Coupled ids: the largest id training writes, Cho et al.'s max_pos (starts uniform in
    /// [1, max_pos − K − 1]); 0 derives it from the training lengths and <see cref="CoupledMaxOffset"/>.
    /// </summary>
    public int CoupledMaxPosition { get; init; }

    /// <summary>Which targets carry the loss (`data.loss_on`: `answer`, or `all` for every real token).</summary>
    public LossScope LossOn { get; init; } = LossScope.Answer;

    /// <summary>Share of problem space held out for testing (ArithLab.Data's SplitRule).</summary>
    public double TestFraction { get; init; } = 0.1;

    /// <summary>Seed of the train/test split, separate from the run seed so runs share a split.</summary>
    public int SplitSeed { get; init; }

    /// <summary>
    /// Distinct training problems, drawn once from the train side of the split with the split seed and
    /// cycled in epochs reshuffled from the run seed (Lee et al. 2023's N); 0 draws fresh problems every step.
    /// </summary>
    public int TrainSize { get; init; }

    /// <summary>
    /// How training (and the held-out check) draws operand lengths: every length equally likely
    /// (buckets, the default) or each operand uniform over all numbers of its lengths (values).
    /// </summary>
    public LengthDistribution Lengths { get; init; } = LengthDistribution.Buckets;
}
