using ArithLab.Data.Tasks;

namespace ArithLab.Data.Sampling;

/// <summary>
/// Evaluation sets drawn from the test side of the split: a grid over (len a, len b) with N problems
/// per cell (the length-generalization heatmap), and sets at equal lengths beyond the grid. Each cell
/// has its own random stream derived from (seed, len a, len b), so a cell's problems do not depend on
/// the grid's extent or shape. Problems within a cell are distinct; a cell whose test side holds fewer
/// than N problems (tiny lengths) returns all it finds.
/// </summary>
public static class EvalSets
{
    /// <summary>The square grid: len a and len b both in [<paramref name="minDigits"/>, <paramref name="maxDigits"/>].</summary>
    public static IReadOnlyList<EvalCell> Grid(TaskSpec task, int minDigits, int maxDigits, int perCell, ulong seed, SplitRule? split = null) =>
        Grid(task, new LengthRange(minDigits, maxDigits), new LengthRange(minDigits, maxDigits), perCell, seed, split);

    /// <summary>
    /// The grid of len a in <paramref name="a"/> and len b in <paramref name="b"/>, cells in row order
    /// (a outer, b inner). Only these cells are sampled, so an elongated grid (a 1..30, b 1..2) costs
    /// its own 60 cells, not the 900 of its bounding square; each cell holds the problems any grid
    /// containing it holds.
    /// </summary>
    public static IReadOnlyList<EvalCell> Grid(TaskSpec task, LengthRange a, LengthRange b, int perCell, ulong seed, SplitRule? split = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.OperandCount != 2 || task.Kind == TaskKind.ModularAddition)
        {
            throw new ArgumentException($"a length grid needs a two-operand task with lengths; {task.Kind} has none", nameof(task));
        }

        a.Validated("grid a");
        b.Validated("grid b");
        var cells = new List<EvalCell>();
        for (var la = a.Min; la <= a.Max; la++)
        {
            for (var lb = b.Min; lb <= b.Max; lb++)
            {
                if (task.KeepsAAtLeastB && la < lb)
                {
                    continue; // a ≥ b cannot hold when a is shorter
                }

                cells.Add(new EvalCell(la, lb, Cell(task, [la, lb], perCell, seed, split)));
            }
        }

        return cells;
    }

    /// <summary>Sets where every operand has the same length, one per entry of <paramref name="lengths"/>.</summary>
    public static IReadOnlyList<EvalCell> EqualLengths(TaskSpec task, IReadOnlyList<int> lengths, int perLength, ulong seed, SplitRule? split = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(lengths);
        var cells = new List<EvalCell>();
        foreach (var l in lengths)
        {
            var all = new int[task.OperandCount];
            Array.Fill(all, l);
            cells.Add(new EvalCell(l, l, Cell(task, all, perLength, seed, split)));
        }

        return cells;
    }

    /// <summary>
    /// Sets of a = n, b = <paramref name="lengthB"/> digits, one per entry of <paramref name="lengthsA"/>
    /// (beyond the grid of N×M multiplication, where b stays short). A set holds the problems of the
    /// grid cell (n, lengthB), so the two agree where they overlap. For a task that keeps a ≥ b, an n
    /// shorter than b has no problems and is skipped, as in <see cref="Grid(TaskSpec, LengthRange, LengthRange, int, ulong, SplitRule?)"/>.
    /// </summary>
    public static IReadOnlyList<EvalCell> FixedB(TaskSpec task, IReadOnlyList<int> lengthsA, int lengthB, int perLength, ulong seed, SplitRule? split = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(lengthsA);
        if (!task.SeparateLengthRanges)
        {
            throw new ArgumentException($"{task.Kind} has no operand b of its own length", nameof(task));
        }

        return lengthsA.Where(n => !task.KeepsAAtLeastB || n >= lengthB)
            .Select(n => new EvalCell(n, lengthB, Cell(task, [n, lengthB], perLength, seed, split)))
            .ToList();
    }

    private static IReadOnlyList<Problem> Cell(TaskSpec task, int[] lengths, int count, ulong seed, SplitRule? split)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "a cell needs at least one problem");
        }

        var keys = new long[lengths.Length];
        for (var i = 0; i < lengths.Length; i++)
        {
            keys[i] = lengths[i];
        }

        var cellSeed = SeededRandom.Derive(seed, keys).NextUInt64();
        var sampler = new ProblemSampler(new SamplerOptions(task, 1, Math.Max(1, lengths.Max()), cellSeed, SplitSide.Test, split));
        var digits = new DigitProblem();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<Problem>(count);
        var misses = 0;
        // Give up once repeats far outnumber finds: a short cell holds few distinct problems, and a
        // request for a million of them must not draw twenty million times.
        while (problems.Count < count && misses < 20 * problems.Count + 200)
        {
            sampler.Next(digits, lengths);
            var key = Key(digits);
            if (seen.Add(key))
            {
                problems.Add(digits.ToProblem());
            }
            else
            {
                misses++;
            }
        }

        return problems;
    }

    private static string Key(DigitProblem p)
    {
        var parts = new string[p.OperandCount];
        for (var i = 0; i < p.OperandCount; i++)
        {
            parts[i] = p.Operand(i).ToString();
        }

        return string.Join(',', parts);
    }
}
