using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Models.Positional;
using ArithLab.Training.Families;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// The longest problems a trained model can be asked, checked before an evaluation does any work: a
/// prompt and its answer budget must fit the model's learned or sinusoidal table (model.max_positions),
/// their position ids the Abacus or coupled table, and every sequence the decoding budget of
/// <see cref="MaxTokens"/> tokens. The longest problem of a set has every operand all nines.
/// </summary>
public sealed class EvalCapacity
{
    /// <summary>Tokens one decoded sequence may have whatever the positional scheme (a KV cache per layer grows with it).</summary>
    public const int MaxTokens = 16_384;

    private readonly TaskSpec _task;
    private readonly EvalEncoder _encoder;
    private readonly int _sequenceLimit;
    private readonly int _idLimit;
    private readonly string _sequenceTable;

    public EvalCapacity(IModelAdapter model, TaskSpec task, EvalEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(encoder);
        _task = task;
        _encoder = encoder;
        // A family without a transformer has no position tables: the decoding budget alone bounds it.
        var config = model.Transformer;
        var schemes = config is null ? null : PositionalSchemes.Parse(config.Positional);
        var table = schemes?.Has(PositionalRole.AddsToEmbedding) == true;
        (_sequenceLimit, _sequenceTable) = table && config!.MaxSeqLen < MaxTokens
            ? (config.MaxSeqLen, $"the model's position table of {config.MaxSeqLen} (model.max_positions)")
            : (MaxTokens, $"the decoding budget of {MaxTokens} tokens");
        _idLimit = schemes is { NeedsPositionIds: true } ? config!.MaxPositionId : int.MaxValue;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first length that does not fit and the longest that does.</summary>
    public void Check(EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (a, b) = (settings.GridA.Max, settings.GridB.Max);
        if (Problem(a, b) is { } gridProblem)
        {
            // With b as asked, how long a may be; else the largest square grid.
            var fitsA = Longest(a, n => Problem(n, b) is null);
            var fits = Longest(Math.Max(a, b), n => Problem(Math.Min(n, a), Math.Min(n, b)) is null);
            var advice = fitsA >= settings.GridA.Min
                ? $"with b up to {b}, a fits up to {fitsA} digits (--a {settings.GridA.Min}:{fitsA})"
                : $"the grid fits up to {fits} digits (--a 1:{fits} --b 1:{fits})";
            throw new ArgumentException($"the grid's longest cell (a={a}, b={b}) {gridProblem}; {advice}");
        }
        foreach (var n in settings.Beyond)
        {
            var lengthB = settings.BeyondB ?? n;
            if (Problem(n, lengthB) is { } beyondProblem)
            {
                var fits = Longest(n, m => Problem(m, settings.BeyondB ?? m) is null);
                throw new ArgumentException($"--beyond {n} ({(settings.BeyondB is null ? $"a=b={n}" : $"a={n}, b={lengthB}")}) {beyondProblem}; the longest length beyond the grid that fits is {fits}");
            }
        }
    }

    /// <summary>Why the longest problem at these lengths does not fit, or null when it does.</summary>
    private string? Problem(int lengthA, int lengthB)
    {
        if (_task.KeepsAAtLeastB)
        {
            lengthB = Math.Min(lengthA, lengthB); // a ≥ b: the grid has no cell of a longer b
        }
        // Lengths far past any table: say so without writing a problem of a million digits.
        if ((long)lengthA + lengthB > 4L * MaxTokens)
        {
            return $"needs over {4 * MaxTokens:N0} tokens, past {_sequenceTable}";
        }
        var operands = new[] { lengthA, lengthB }.Select(d => BigInteger.Pow(10, d) - 1).ToArray();
        var request = _encoder.Encode(ProblemFactory.Create(_task, operands)).Request;
        var tokens = request.PromptIds.Length + request.MaxNewTokens;
        if (tokens > _sequenceLimit)
        {
            return $"needs {tokens.ToString(CultureInfo.InvariantCulture)} tokens, past {_sequenceTable}";
        }
        var largestId = Math.Max(request.PromptPositions?.DefaultIfEmpty().Max() ?? 0, request.AnswerPositions?.DefaultIfEmpty().Max() ?? 0);
        return largestId >= _idLimit
            ? $"needs position id {largestId.ToString(CultureInfo.InvariantCulture)}, past the model's Abacus/coupled table of {_idLimit.ToString(CultureInfo.InvariantCulture)} ids"
            : null;
    }

    // The largest n in [0, upTo] for which fits(n) holds (fits is monotone: longer never fits better); 0 when none does.
    private static int Longest(int upTo, Func<int, bool> fits)
    {
        var (lo, hi) = (0, upTo);
        while (lo < hi)
        {
            var mid = lo + (hi - lo + 1) / 2;
            (lo, hi) = fits(mid) ? (mid, hi) : (lo, mid - 1);
        }
        return lo;
    }
}
