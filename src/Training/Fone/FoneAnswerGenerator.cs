using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tokenization;
using ArithLab.Models.Fone;
using ArithLab.Torch;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Fone;

/// <summary>
/// A FoNE model's answers (Zhou et al. 2025, §3.2): one forward pass over the prompt with each
/// number collapsed to a [NUM] token, and the answer number read by the digit head from the hidden
/// state of the last prompt token — the position before the answer's [NUM] — with no token-by-token
/// decoding. The number comes back as the plain format's tokens (its digits, most significant first,
/// then [EOS]), so the grid scores it like any other answer.
/// </summary>
public sealed class FoneAnswerGenerator : IAnswerGenerator
{
    private readonly FoneTransformer _model;
    private readonly Device _device;
    private readonly int _numId;
    private readonly int[] _digitIds = new int[10];
    private readonly sbyte[] _digitOf;

    /// <param name="tokenizer">The training vocabulary: digits, [NUM] and the plain format's symbols.</param>
    public FoneAnswerGenerator(FoneTransformer model, CharTokenizer tokenizer, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var vocabulary = tokenizer.Vocabulary;
        if (!vocabulary.Contains(TokenText.Num))
        {
            throw new ArgumentException($"a FoNE vocabulary holds {TokenText.Num}", nameof(tokenizer));
        }
        _model = model;
        _device = device;
        _numId = vocabulary.Id(TokenText.Num);
        _digitOf = new sbyte[vocabulary.Count];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var t = vocabulary.Token(id);
            _digitOf[id] = t.Length == 1 && char.IsAsciiDigit(t[0]) ? (sbyte)(t[0] - '0') : (sbyte)-1;
        }
        for (var d = 0; d < 10; d++)
        {
            _digitIds[d] = vocabulary.Id(((char)('0' + d)).ToString());
        }
    }

    public IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Any(r => r.PromptPositions is not null))
        {
            throw new NotSupportedException("FoNE evaluation runs without data-side position ids (data.positions none)");
        }
        var prompts = requests.Select(r => Collapse(r.PromptIds)).ToArray();
        var answers = new int[requests.Count][];
        // Equal collapsed lengths share a batch, so no row needs padding.
        foreach (var group in Enumerable.Range(0, requests.Count).GroupBy(i => prompts[i].Ids.Length))
        {
            var rows = group.ToArray();
            var numbers = Predict(rows.Select(i => prompts[i]).ToArray());
            for (var r = 0; r < rows.Length; r++)
            {
                answers[rows[r]] = Tokens(numbers[r], requests[rows[r]].MaxNewTokens);
            }
        }
        return answers;
    }

    // Each run of digit tokens (the plain format writes a number most significant digit first)
    // becomes one [NUM] token carrying the number's value, as the batcher does in training.
    private (long[] Ids, double[] Values, float[] Mask) Collapse(int[] promptIds)
    {
        var ids = new List<long>();
        var values = new List<double>();
        var mask = new List<float>();
        for (var i = 0; i < promptIds.Length;)
        {
            if (_digitOf[promptIds[i]] < 0)
            {
                ids.Add(promptIds[i++]);
                values.Add(0);
                mask.Add(0);
                continue;
            }
            var value = BigInteger.Zero;
            for (; i < promptIds.Length && _digitOf[promptIds[i]] >= 0; i++)
            {
                value = value * 10 + _digitOf[promptIds[i]];
            }
            ids.Add(_numId);
            values.Add((double)value);
            mask.Add(1);
        }
        return (ids.ToArray(), values.ToArray(), mask.ToArray());
    }

    private long[] Predict((long[] Ids, double[] Values, float[] Mask)[] group)
    {
        var (B, T) = (group.Length, group[0].Ids.Length);
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        var ids = Tensor.From(group.SelectMany(g => g.Ids).ToArray(), B, T).To(_device);                 // (B, T)
        var values = Tensor.From(group.SelectMany(g => g.Values).ToArray(), B, T).To(_device);           // (B, T)
        var mask = Tensor.From(group.SelectMany(g => g.Mask).ToArray(), B, T).To(_device);               // (B, T)
        var hidden = _model.HiddenStates(ids, null, values, mask);                                       // (B, T, C)
        var last = hidden.Narrow(1, T - 1, 1).Reshape(B, hidden.Size(-1));                               // (B, C)
        return _model.Head.Predict(last);
    }

    // The plain format's answer tokens: the digits, most significant first, without leading zeros.
    private int[] Tokens(long number, int maxNewTokens)
    {
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tokens = text.Select(c => _digitIds[c - '0']).Append(Vocabulary.EosId);
        return tokens.Take(maxNewTokens).ToArray();
    }
}
