using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>
/// A fixed set of problems served in epochs, as a training set of N examples is in Lee et al. 2023:
/// every epoch visits each problem once, in an order shuffled afresh per epoch (Fisher-Yates). The
/// order of epoch e depends only on (seed, e), so the k-th problem served is the same however the
/// serving was split up: a resumed run that replays its batches lands on the same epoch position.
/// </summary>
public sealed class EpochCycle : IProblemSource
{
    private readonly IReadOnlyList<Problem> _problems;
    private readonly ulong _seed;
    private readonly int[] _order;

    public EpochCycle(IReadOnlyList<Problem> problems, TaskSpec task, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(task);
        if (problems.Count == 0)
        {
            throw new ArgumentException("an epoch needs at least one problem", nameof(problems));
        }
        _problems = problems;
        Task = task;
        _seed = seed;
        _order = new int[problems.Count];
    }

    public TaskSpec Task { get; }

    /// <summary>Problems per epoch.</summary>
    public int Count => _problems.Count;

    /// <summary>The epoch the next problem belongs to (0 first).</summary>
    public long Epoch { get; private set; }

    /// <summary>How many problems of the current epoch have been served.</summary>
    public int Position { get; private set; }

    public void Next(DigitProblem into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (Position == 0)
        {
            Shuffle();
        }
        into.Load(_problems[_order[Position]], Task);
        if (++Position == _order.Length)
        {
            (Epoch, Position) = (Epoch + 1, 0);
        }
    }

    private void Shuffle()
    {
        var rng = SeededRandom.Derive(_seed, Epoch);
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }
}
