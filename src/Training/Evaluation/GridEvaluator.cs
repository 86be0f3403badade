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

    public EvalResult Run(EvalSettings settings, IProgress<EvalProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var clock = Stopwatch.StartNew();
        var grid = GridCells(settings);
        var beyond = settings.Beyond.Count == 0
            ? []
            : settings.BeyondB is { } b
                ? EvalSets.FixedB(_task, settings.Beyond, b, settings.PerCell, settings.Seed, settings.Split)
                : EvalSets.EqualLengths(_task, settings.Beyond, settings.PerCell, settings.Seed, settings.Split);
        var total = grid.Count + beyond.Count;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var countCarries = _task.Kind == TaskKind.Addition;
        var carries = new SortedDictionary<int, (int N, int Correct)>();
        var done = 0;

        CellResult Evaluate(EvalCell cell, bool isGrid)
        {
            cancellation.ThrowIfCancellationRequested();
            var label = isGrid ? $"a={cell.LengthA} b={cell.LengthB}" : $"beyond a={cell.LengthA} b={cell.LengthB}";
            progress?.Report(new EvalProgress(done, total, clock.Elapsed, label));
            var outcomes = Answer(cell.Problems, settings.BatchSize);
            var correct = 0;
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
            return new CellResult(cell.LengthA, cell.LengthB, outcomes.Length, correct);
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
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>The grid's cells with a in GridA and b in GridB; each cell's problems depend only on (seed, a, b).</summary>
    private IReadOnlyList<EvalCell> GridCells(EvalSettings s) =>
        EvalSets.Grid(_task, s.GridA.ToLengthRange(), s.GridB.ToLengthRange(), s.PerCell, s.Seed, s.Split);

    private AnswerOutcome[] Answer(IReadOnlyList<Problem> problems, int batchSize)
    {
        var outcomes = new AnswerOutcome[problems.Count];
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
                outcomes[start + i] = AnswerScorer.Score(_encoder.Format, encoded[i].Problem, _encoder.Decode(generated[i]));
            }
        }
        return outcomes;
    }
}
