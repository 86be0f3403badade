using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>
/// Draws problems with "bucket" lengths (McLeish et al. 2024, <see cref="LengthBuckets"/>): every tuple
/// of operand lengths in the ranges (a's, and b's where it has its own) is equally likely, then each
/// operand is uniform among numbers of exactly that many digits; or, with
/// <see cref="LengthDistribution.Values"/>, each operand uniform among all numbers of those lengths. Non-negative subtraction draws its
/// (len a, len b) pair uniformly among pairs with len a ≥ len b and swaps equal-length operands so that
/// a ≥ b. Modular addition draws residues uniformly from [0, p). The sampler keeps to one side of the
/// train/test split by rejection.
/// </summary>
public sealed class ProblemSampler : IProblemSource
{
    /// <summary>Draws tried before deciding a side of the split has no problem at these lengths.</summary>
    public const int MaxAttempts = 100_000;

    private readonly SamplerOptions _options;
    private readonly SplitRule _split;
    private readonly SeededRandom _rng;
    private readonly LengthBuckets _buckets;
    private readonly int[] _lengths;
    private readonly DigitProblem _scratch = new();

    public ProblemSampler(SamplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _split = options.Split ?? new SplitRule();
        _rng = new SeededRandom(options.Seed);
        _buckets = new LengthBuckets(options.Task, options.LengthsA, options.LengthsB, options.Lengths);
        _lengths = new int[options.Task.OperandCount];
    }

    public SamplerOptions Options => _options;

    public TaskSpec Task => _options.Task;

    /// <summary>Writes the next problem, with bucket-sampled lengths, into <paramref name="into"/>.</summary>
    public void Next(DigitProblem into)
    {
        ArgumentNullException.ThrowIfNull(into);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            _buckets.Draw(_rng, _lengths);
            DrawWithLengths(_lengths, into);
            if (_split.Accepts(_options.Side, into))
            {
                return;
            }
        }

        throw NoProblemOnSide("any length in range");
    }

    /// <summary>Writes the next problem whose operands have exactly the given lengths.</summary>
    public void Next(DigitProblem into, ReadOnlySpan<int> lengths)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (lengths.Length != _options.Task.OperandCount)
        {
            throw new ArgumentException($"{_options.Task.Kind} needs {_options.Task.OperandCount} lengths, got {lengths.Length}", nameof(lengths));
        }

        foreach (var l in lengths)
        {
            if (l < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(lengths), l, "every operand has at least one digit");
            }
        }

        if (_options.Task.KeepsAAtLeastB && lengths[0] < lengths[1])
        {
            throw new ArgumentException($"non-negative subtraction needs len a ≥ len b, got ({lengths[0]}, {lengths[1]})", nameof(lengths));
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            DrawWithLengths(lengths, into);
            if (_split.Accepts(_options.Side, into))
            {
                return;
            }
        }

        throw NoProblemOnSide($"lengths ({string.Join(", ", lengths.ToArray())})");
    }

    public Problem Next()
    {
        Next(_scratch);
        return _scratch.ToProblem();
    }

    public Problem Next(ReadOnlySpan<int> lengths)
    {
        Next(_scratch, lengths);
        return _scratch.ToProblem();
    }

    public IReadOnlyList<Problem> Take(int count)
    {
        var list = new List<Problem>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Next());
        }

        return list;
    }

    private void DrawWithLengths(ReadOnlySpan<int> lengths, DigitProblem into)
    {
        var task = _options.Task;
        into.Begin(task, task.OperandCount);
        if (task.Kind == TaskKind.ModularAddition)
        {
            NumberSampler.FillBelow(_rng, task.Modulus, into.Operand(0));
            NumberSampler.FillBelow(_rng, task.Modulus, into.Operand(1));
            into.Solve();
            return;
        }

        for (var i = 0; i < lengths.Length; i++)
        {
            NumberSampler.Fill(_rng, lengths[i], into.Operand(i));
        }

        if (task.KeepsAAtLeastB && DigitString.Compare(into.Operand(0), into.Operand(1)) < 0)
        {
            // Equal lengths only (longer a is always larger): swap the values so that a ≥ b.
            into.SwapOperands(0, 1);
        }

        into.Solve();
    }

    private InvalidOperationException NoProblemOnSide(string where) => new(
        $"no {_options.Side} problem of {_options.Task.Kind} found at {where} in {MaxAttempts} draws; " +
        "that part of problem space is too small for the split's test fraction");
}
