using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// Writes problems as the model read them in training — format, vocabulary, position ids at their
/// evaluation setting (no random offsets) — and reads generated ids back as tokens.
/// </summary>
/// <remarks>
/// Answer slots get the position ids the gold answer's tokens have. That decides exact match exactly
/// as ids computed from the generated tokens would: while the generation agrees with the gold answer
/// the two coincide, and from the first disagreement on the answer is wrong either way.
/// </remarks>
public sealed class EvalEncoder
{
    private readonly PositionOptions? _positions;

    /// <param name="format">The format the model was trained on.</param>
    /// <param name="tokenizer">The vocabulary of training.</param>
    /// <param name="positions">The data pipeline's position scheme; null or <see cref="PositionScheme.None"/> sends no ids.</param>
    /// <param name="slack">Tokens the decoder may write beyond the gold answer and [EOS], so an over-long answer shows as such.</param>
    public EvalEncoder(IFormat format, CharTokenizer tokenizer, PositionOptions? positions = null, int slack = 2)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfNegative(slack);
        Format = format;
        Tokenizer = tokenizer;
        Slack = slack;
        if (positions is not null && positions.Scheme != PositionScheme.None)
        {
            // Evaluation ids are never randomised: Abacus offset eval.abacus_offset (0 unless set), coupled start 1.
            _positions = positions with { Training = false };
            _positions.Validate();
        }
    }

    /// <summary>The encoder of an experiment: its format, vocabulary and evaluation position ids.</summary>
    /// <param name="abacusOffset">Abacus ids: the offset k at evaluation; null keeps the experiment's eval.abacus_offset.</param>
    public static EvalEncoder For(ExperimentData data, int? abacusOffset = null, int slack = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        // The coupled bound keeps training's random starting ids inside the table; evaluation starts at 1,
        // so lengths past the config's grid are fine here, and the model's own table says where ids end.
        var positions = data.EvalPositions with
        {
            CouplingMaxPosition = int.MaxValue / 2,
            AbacusEvalOffset = abacusOffset ?? data.EvalPositions.AbacusEvalOffset,
        };
        return new EvalEncoder(data.Format, data.Tokenizer, positions, slack);
    }

    public IFormat Format { get; }

    public CharTokenizer Tokenizer { get; }

    public int Slack { get; }

    public EncodedProblem Encode(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var example = Format.Format(problem);
        var promptIds = new int[example.Prompt.Count + 1];
        promptIds[0] = Vocabulary.BosId;
        Tokenizer.Encode(example.Prompt).CopyTo(promptIds, 1);
        int[]? promptPositions = null;
        int[]? answerPositions = null;
        if (_positions is not null)
        {
            // [BOS] prompt target [EOS]: the first Prompt.Count + 1 ids are the prompt's, the rest the answer slots'.
            var all = PositionIds.For(example, _positions, new SeededRandom(0));
            promptPositions = all[..promptIds.Length];
            answerPositions = all[promptIds.Length..];
        }
        var budget = example.Target.Count + 1 + Slack;
        return new EncodedProblem(problem, example, new GenerationRequest(promptIds, promptPositions, answerPositions, budget));
    }

    /// <summary>Generated ids as token texts; an id outside the vocabulary reads as "[UNK:id]" (and so as malformed).</summary>
    public IReadOnlyList<string> Decode(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var vocabulary = Tokenizer.Vocabulary;
        var tokens = new string[ids.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = ids[i] >= 0 && ids[i] < vocabulary.Count ? vocabulary.Token(ids[i]) : $"[UNK:{ids[i]}]";
        }
        return tokens;
    }
}
