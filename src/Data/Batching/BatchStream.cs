using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Batching;

/// <summary>
/// An endless stream of padded batches. The seed drives the position-id randomness (Abacus
/// offsets, coupled starts); the source draws the examples with its own seed, and
/// <c>vocabulary</c> must be the one the source's ids come from. The stream owns one
/// <see cref="Batch"/> and refills it on every <see cref="Next"/>, so steady-state generation
/// allocates nothing: the same seeds, source and options give the same batches, batch after batch.
/// A stream and its source belong to one thread; run one stream per data-loading thread.
/// </summary>
public sealed class BatchStream
{
    private readonly IExampleSource _source;
    private readonly BatchOptions _options;
    private readonly SeededRandom _random;
    private readonly Batch _batch;
    // PAD through a field: the padding id comes from Vocabulary, whatever its value.
    private readonly int _pad = Vocabulary.PadId;
    private readonly int _stride;
    private readonly int _foneDigits;
    private readonly int _numId;
    private readonly sbyte[] _digitOfId;
    private readonly double[] _powersOfTen;

    // Per-row staging, stride = the source's MaxTokens: examples are written here first so that the
    // batch width (the longest row) is known before the padded arrays are laid out.
    private readonly int[] _tokens;
    private readonly int[] _numbers;
    private readonly int[] _significances;
    private readonly int[] _counts;
    private readonly int[] _prompts;
    private readonly double[] _values;
    private readonly int[] _digits;

    public BatchStream(IExampleSource source, Vocabulary vocabulary, BatchOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _source = source;
        _options = options;
        _random = new SeededRandom(seed);
        _stride = source.MaxTokens;
        _foneDigits = options.FoneDigits ?? 0;
        _batch = new Batch(options.BatchSize, options.MaxLength, _foneDigits);
        var cells = options.BatchSize * _stride;
        _tokens = new int[cells];
        _numbers = new int[cells];
        _significances = new int[cells];
        _counts = new int[options.BatchSize];
        _prompts = new int[options.BatchSize];
        _digitOfId = new sbyte[vocabulary.Count];
        _powersOfTen = [];
        _values = [];
        _digits = [];
        if (_foneDigits > 0)
        {
            if (!vocabulary.Contains(TokenText.Num))
            {
                throw new ArgumentException($"FoNE batches need the token {TokenText.Num} in the vocabulary", nameof(vocabulary));
            }
            _numId = vocabulary.Id(TokenText.Num);
            for (var id = 0; id < vocabulary.Count; id++)
            {
                var t = vocabulary.Token(id);
                _digitOfId[id] = t.Length == 1 && char.IsAsciiDigit(t[0]) ? (sbyte)(t[0] - '0') : (sbyte)-1;
            }
            _powersOfTen = Enumerable.Range(0, _foneDigits).Select(j => Math.Pow(10, j)).ToArray();
            _values = new double[cells];
            _digits = new int[cells * _foneDigits];
        }
    }

    public BatchOptions Options => _options;

    /// <summary>Packs fixed examples into one batch (previews, evaluation, tests).</summary>
    public static Batch Pack(IReadOnlyList<FormattedExample> examples, Vocabulary vocabulary, BatchOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var stream = new BatchStream(FormattedExampleSource.Cycle(examples, vocabulary), vocabulary, options with { BatchSize = examples.Count }, seed);
        return stream.Next();
    }

    /// <summary>Refills and returns the stream's batch (the same instance every time).</summary>
    public Batch Next()
    {
        var size = _options.BatchSize;
        var width = 0;
        for (var b = 0; b < size; b++)
        {
            var at = b * _stride;
            var n = _source.Write(_tokens.AsSpan(at, _stride), _numbers.AsSpan(at, _stride), _significances.AsSpan(at, _stride), out var prompt);
            if (_foneDigits > 0)
            {
                n = CollapseNumbers(at, n, ref prompt);
            }
            if (n + 2 > _options.MaxLength)
            {
                throw new InvalidOperationException($"an example of {n + 2} tokens (BOS and EOS included) exceeds MaxLength {_options.MaxLength}");
            }
            _counts[b] = n;
            _prompts[b] = prompt;
            width = Math.Max(width, n + 2);
        }
        _batch.Size = size;
        _batch.Width = width;
        // One Abacus k for the whole batch, or null: each example draws its own (PositionIds.Write).
        int? abacusOffset = _options.Positions.Scheme != PositionScheme.Abacus ? 0
            : _options.Positions.AbacusOffsetPerExample ? null
            : AbacusPositions.DrawOffset(_random, _options.Positions);
        for (var b = 0; b < size; b++)
        {
            LayOut(b, width, abacusOffset);
        }
        return _batch;
    }

    private void LayOut(int b, int width, int? abacusOffset)
    {
        var at = b * _stride;
        var n = _counts[b];
        var length = n + 2;
        var prompt = _prompts[b];
        var row = b * width;
        _batch.Lengths[b] = length;
        _batch.PromptLengths[b] = prompt;

        var tokens = _batch.TokenIds.AsSpan(row, width);
        tokens[0] = Vocabulary.BosId;
        _tokens.AsSpan(at, n).CopyTo(tokens[1..]);
        tokens[length - 1] = Vocabulary.EosId;
        tokens[length..].Fill(_pad);

        var positions = _batch.PositionIds.AsSpan(row, width);
        PositionIds.Write(_numbers.AsSpan(at, n), _significances.AsSpan(at, n), prompt, _source.Task, _options.Positions, _random, abacusOffset, null, positions);
        positions[length..].Clear();

        var targets = _batch.Targets.AsSpan(row, width);
        tokens[1..].CopyTo(targets);
        targets[width - 1] = Vocabulary.PadId;

        // Target i is token i + 1: the answer's first token is predicted from the last prompt token
        // (column prompt), EOS from column length − 2.
        var mask = _batch.LossMask.AsSpan(row, width);
        mask.Clear();
        var first = _options.Loss == LossScope.Answer ? prompt : 0;
        mask[first..(length - 1)].Fill(1f);

        if (_foneDigits > 0)
        {
            LayOutNumbers(at, n, row, width, mask);
        }
    }

    private void LayOutNumbers(int at, int n, int row, int width, ReadOnlySpan<float> mask)
    {
        var d = _foneDigits;
        var values = _batch.NumberValues!.AsSpan(row, width);
        var numberMask = _batch.NumberMask!.AsSpan(row, width);
        var digits = _batch.NumberDigits!.AsSpan(row * d, width * d);
        var targetDigits = _batch.TargetDigits!.AsSpan(row * d, width * d);
        values.Clear();
        numberMask.Clear();
        digits.Fill(-1);
        targetDigits.Fill(-1);
        for (var k = 0; k < n; k++)
        {
            if (_tokens[at + k] != _numId)
            {
                continue;
            }
            var column = k + 1;
            values[column] = _values[at + k];
            numberMask[column] = 1f;
            var source = _digits.AsSpan((at + k) * d, d);
            source.CopyTo(digits.Slice(column * d, d));
            if (mask[column - 1] != 0f)
            {
                source.CopyTo(targetDigits.Slice((column - 1) * d, d));
            }
        }
    }

    /// <summary>
    /// FoNE: rewrites the staged row in place so each run of digits of one number becomes one
    /// [NUM] token (Number kept, Significance −1), recording its value and digits. A run never
    /// crosses from prompt into target.
    /// </summary>
    private int CollapseNumbers(int at, int n, ref int prompt)
    {
        var d = _foneDigits;
        var w = 0;
        var newPrompt = prompt;
        var i = 0;
        while (i < n)
        {
            var number = _numbers[at + i];
            if (_tokens[at + i] == _numId)
            {
                throw new InvalidOperationException(
                    $"the example already contains {TokenText.Num} tokens; give the batcher digit tokens and it collapses numbers itself");
            }
            if (number < 0 || _significances[at + i] < 0)
            {
                _tokens[at + w] = _tokens[at + i];
                _numbers[at + w] = number;
                _significances[at + w] = _significances[at + i];
                w++;
                i++;
                continue;
            }
            var end = i < prompt ? prompt : n;
            var digits = _digits.AsSpan((at + w) * d, d);
            digits.Clear();
            var value = 0.0;
            var j = i;
            while (j < end && _numbers[at + j] == number && _significances[at + j] >= 0)
            {
                var s = _significances[at + j];
                var digit = _digitOfId[_tokens[at + j]];
                if (digit < 0)
                {
                    throw new InvalidOperationException($"token id {_tokens[at + j]} is marked as a digit of number {number} but is not 0-9");
                }
                if (s >= d)
                {
                    throw new InvalidOperationException($"number {number} has a digit of significance {s}, beyond FoneDigits = {d}");
                }
                digits[s] = digit;
                value += digit * _powersOfTen[s];
                j++;
            }
            if (i < prompt)
            {
                newPrompt -= j - i - 1;
            }
            _tokens[at + w] = _numId;
            _numbers[at + w] = number;
            _significances[at + w] = -1;
            _values[at + w] = value;
            w++;
            i = j;
        }
        prompt = newPrompt;
        return w;
    }
}
