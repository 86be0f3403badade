using ArithLab.Data.Sampling;

namespace ArithLab.Training.Setup;

/// <summary>
/// Every random stream of a run, derived from the config seed, so one number reproduces a run and
/// no stream shifts when another draws more or less (each has its own key).
/// </summary>
public static class Seeds
{
    private const long WeightsKey = 1;
    private const long ProblemsKey = 2;
    private const long PositionsKey = 3;
    private const long StepKey = 4;
    private const long HeldOutKey = 5;
    private const long TrainingSetKey = 6;
    private const long EpochsKey = 7;

    /// <summary>libtorch's global generator before the model is built: the initial weights.</summary>
    public static long Weights(int seed) => Positive(SeededRandom.Derive((ulong)seed, WeightsKey).NextUInt64());

    /// <summary>The training problem sampler.</summary>
    public static ulong Problems(int seed) => SeededRandom.Derive((ulong)seed, ProblemsKey).NextUInt64();

    /// <summary>The batch stream's position-id randomness (Abacus offsets, coupled starts).</summary>
    public static ulong Positions(int seed) => SeededRandom.Derive((ulong)seed, PositionsKey).NextUInt64();

    /// <summary>
    /// libtorch's global generator at the start of step <paramref name="step"/> (dropout), and the
    /// progressive loss's draws. Reseeding every step from (seed, step) is what makes a resumed run
    /// continue the same curve without saving generator state.
    /// </summary>
    public static long Step(int seed, long step) => Positive(SeededRandom.Derive((ulong)seed, StepKey, step).NextUInt64());

    /// <summary>The held-out problems scored during training; from the split seed, so runs of a sweep share them.</summary>
    public static ulong HeldOut(int splitSeed) => SeededRandom.Derive((ulong)splitSeed, HeldOutKey).NextUInt64();

    /// <summary>The fixed training set (data.train_size); from the split seed, so every run seed trains on the same problems.</summary>
    public static ulong TrainingSet(int splitSeed) => SeededRandom.Derive((ulong)splitSeed, TrainingSetKey).NextUInt64();

    /// <summary>The order of the fixed training set in each epoch.</summary>
    public static ulong Epochs(int seed) => SeededRandom.Derive((ulong)seed, EpochsKey).NextUInt64();

    // libtorch takes a signed seed; keep it non-negative so logs and PyTorch agree on its text.
    private static long Positive(ulong value) => (long)(value >> 1);
}
