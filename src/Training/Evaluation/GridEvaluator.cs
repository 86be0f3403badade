using System.Diagnostics;
using ArithLab.Data;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Measures length generalization: exact-match accuracy per (len a, len b) cell of problems from
/// the test side of the split, then at equal lengths beyond the grid, by greedy decoding through an
/// <see cref="IAnswerGenerator"/>. Answers are read with the format's own parser; an answer that
/// cannot be read counts as wrong and its reason is tallied.
/// </summary>
public sealed class GridEvaluator
{
    private readonly TaskSpec _task;
    private readonly EvalEncoder _encoder;
    private readonly IAnswerGenerator _generator;

    public GridEvaluator(TaskSpec task, EvalEncoder encoder, IAnswerGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(generator);
        _task = task.Validated();
        if (task.OperandCount != 2 || task.Kind == TaskKind.ModularAddition)
        {
            throw new NotSupportedException($"the length grid needs a task of two operands with lengths; {task.Kind} has none");
        }
        _encoder = encoder;
        _generator = generator;
    }

    /// <summary>
    /// Evaluates every cell, drawing each cell's problems only when it is its turn (memory holds one
    /// cell), reporting progress before each cell and after each decoded batch, and handing each
    /// finished cell to <paramref name="cellDone"/> (grid cells with true, sets beyond with false).
    /// </summary>
    public EvalResult Run(EvalSettings settings, IProgress<EvalProgress>? progress = null, Action<CellResult, bool>? cellDone = null,
                          CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var clock = Stopwatch.StartNew();
        var grid = GridLengths(settings);
        var beyond = BeyondLengths(settings);
        var total = grid.Count + beyond.Count;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var countCarries = _task.Kind == TaskKind.Addition;
        var carries = new SortedDictionary<int, (int N, int Correct)>();
        var mistakes = new List<Mistake>();
        var wrongPlaces = new SortedDictionary<int, int>();
        var done = 0;

        CellResult Evaluate((int A, int B) lengths, bool isGrid)
        {
            cancellation.ThrowIfCancellationRequested();
            var label = isGrid ? $"a={lengths.A} b={lengths.B}" : $"beyond a={lengths.A} b={lengths.B}";
            progress?.Report(new EvalProgress(done, total, clock.Elapsed, label));
            // A cell's problems depend only on (seed, a, b), so drawing it alone draws what the whole grid would.
            var cell = isGrid
                ? EvalSets.Grid(_task, new LengthRange(lengths.A, lengths.A), new LengthRange(lengths.B, lengths.B), settings.PerCell, settings.Seed, settings.Split)[0]
                : settings.BeyondB is { } b
                    ? EvalSets.FixedB(_task, [lengths.A], b, settings.PerCell, settings.Seed, settings.Split)[0]
                    : EvalSets.EqualLengths(_task, [lengths.A], settings.PerCell, settings.Seed, settings.Split)[0];
            var (outcomes, outputs) = Answer(cell.Problems, settings.BatchSize, answered =>
                progress?.Report(new EvalProgress(done, total, clock.Elapsed, $"{label} {answered}/{cell.Problems.Count}")));
            var correct = 0;
            var kept = 0;
            for (var i = 0; i < outcomes.Length; i++)
            {
                var o = outcomes[i];
                if (o.Correct)
                {
                    correct++;
                }
                else
                {
                    failures[o.Failure!] = failures.GetValueOrDefault(o.Failure!) + 1;
                    if (Mistake.FirstWrongPlaceOf(cell.Problems[i], o.Read) is { } place)
                    {
                        wrongPlaces[place] = wrongPlaces.GetValueOrDefault(place) + 1;
                    }
                    if (kept < settings.MistakesPerCell)
                    {
                        mistakes.Add(new Mistake(!isGrid, cell.LengthA, cell.LengthB, cell.Problems[i], outputs[i], o.Failure!, o.Read));
                        kept++;
                    }
                }
                if (isGrid && countCarries)
                {
                    var p = cell.Problems[i];
                    var k = CarryCounter.Count(p.Operands[0], p.Operands[1]);
                    var (n, c) = carries.GetValueOrDefault(k);
                    carries[k] = (n + 1, c + (o.Correct ? 1 : 0));
                }
            }
            done++;
            var result = new CellResult(cell.LengthA, cell.LengthB, outcomes.Length, correct);
            cellDone?.Invoke(result, isGrid);
            return result;
        }

        var gridResults = grid.Select(c => Evaluate(c, true)).ToList();
        var beyondResults = beyond.Select(c => Evaluate(c, false)).ToList();
        progress?.Report(new EvalProgress(done, total, clock.Elapsed, "done"));
        return new EvalResult
        {
            Settings = settings,
            Task = _task.Kind.ToString(),
            Format = _encoder.Format.Name,
            Grid = gridResults,
            Beyond = beyondResults,
            Carries = carries.Select(kv => new CarryResult(kv.Key, kv.Value.N, kv.Value.Correct)).ToList(),
            CarriesNote = countCarries ? null : $"carries are counted for addition only, not {_task.Kind}",
            Failures = failures.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            Mistakes = mistakes,
            FirstWrongPlaces = wrongPlaces.ToList(),
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>The grid's (a, b) cells in row order, without those a task that keeps a ≥ b cannot have (as <see cref="EvalSets.Grid(TaskSpec, LengthRange, LengthRange, int, ulong, SplitRule?)"/>).</summary>
    private List<(int A, int B)> GridLengths(EvalSettings s)
    {
        var cells = new List<(int, int)>();
        for (var a = s.GridA.Min; a <= s.GridA.Max; a++)
        {
            for (var b = s.GridB.Min; b <= s.GridB.Max; b++)
            {
                if (!(_task.KeepsAAtLeastB && a < b))
                {
                    cells.Add((a, b));
                }
            }
        }
        return cells;
    }

    /// <summary>The sets beyond the grid: a = b = n, or a = n with b fixed (skipping n shorter than b where a ≥ b is kept).</summary>
    private List<(int A, int B)> BeyondLengths(EvalSettings s) => s.BeyondB is { } b
        ? s.Beyond.Where(n => !_task.KeepsAAtLeastB || n >= b).Select(n => (n, b)).ToList()
        : s.Beyond.Select(n => (n, n)).ToList();

    /// <summary>Each problem's outcome, and what the model wrote (its tokens joined), for the examples of mistakes.</summary>
    private (AnswerOutcome[] Outcomes, string[] Outputs) Answer(IReadOnlyList<Problem> problems, int batchSize, Action<int> answered)
    {
        var outcomes = new AnswerOutcome[problems.Count];
        var outputs = new string[problems.Count];
        for (var start = 0; start < problems.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, problems.Count - start);
            var encoded = new EncodedProblem[count];
            for (var i = 0; i < count; i++)
            {
                encoded[i] = _encoder.Encode(problems[start + i]);
            }
            var generated = _generator.Generate(encoded.Select(e => e.Request).ToArray());
            if (generated.Count != count)
            {
                throw new InvalidOperationException($"the generator answered {generated.Count} of {count} prompts");
            }
            for (var i = 0; i < count; i++)
            {
                var tokens = _encoder.Decode(generated[i]);
                outcomes[start + i] = AnswerScorer.Score(_encoder.Format, encoded[i].Problem, tokens);
                outputs[start + i] = string.Concat(tokens);
            }
            answered(start + count);
        }
        return (outcomes, outputs);
    }
}
