using ArithLab.Data.Formats;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tokenization;

/// <summary>
/// Character-level tokens to ids and back, over a <see cref="Vocabulary"/> (the one home of ids).
/// One-character ASCII tokens go through a lookup table, so encoding a digit costs an array read.
/// </summary>
public sealed class CharTokenizer
{
    private readonly int[] _ascii = new int[128];

    public CharTokenizer(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        Array.Fill(_ascii, -1);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var t = vocabulary.Token(id);
            if (t.Length == 1 && t[0] < 128)
            {
                _ascii[t[0]] = id;
            }
        }
    }

    public Vocabulary Vocabulary { get; }

    /// <summary>
    /// The vocabulary a format needs for a task: the specials, the ten digits (always ids 3-12), then the
    /// format's own tokens in its fixed order, then <paramref name="extra"/> (e.g. <see cref="TokenText.Num"/> for FoNE).
    /// </summary>
    public static Vocabulary VocabularyFor(ITokenSet format, TaskSpec task, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(extra);
        var tokens = new List<string>(TokenText.Digits);
        tokens.AddRange(format.TokenSet(task));
        tokens.AddRange(extra);
        return new Vocabulary(tokens);
    }

    public static CharTokenizer For(ITokenSet format, TaskSpec task, params string[] extra) => new(VocabularyFor(format, task, extra));

    public int Id(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 1 && token[0] < 128)
        {
            var id = _ascii[token[0]];
            if (id >= 0)
            {
                return id;
            }
        }

        return Vocabulary.Id(token);
    }

    /// <summary>Encodes the buffer's tokens into <paramref name="ids"/> (at least buffer.Count long); returns the count.</summary>
    public int Encode(TokenBuffer buffer, Span<int> ids)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var texts = buffer.Texts;
        if (ids.Length < texts.Length)
        {
            throw new ArgumentException($"the id span holds {ids.Length}, the buffer has {texts.Length} tokens", nameof(ids));
        }

        for (var i = 0; i < texts.Length; i++)
        {
            var t = texts[i];
            int id;
            ids[i] = t.Length == 1 && t[0] < 128 && (id = _ascii[t[0]]) >= 0 ? id : Vocabulary.Id(t);
        }

        return texts.Length;
    }

    public int[] Encode(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Id(tokens[i]);
        }

        return ids;
    }

    public int[] Encode(IReadOnlyList<FormattedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Id(tokens[i].Text);
        }

        return ids;
    }

    public string[] Decode(ReadOnlySpan<int> ids)
    {
        var tokens = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            tokens[i] = Vocabulary.Token(ids[i]);
        }

        return tokens;
    }

    /// <summary>The ids as text, tokens joined without separators.</summary>
    public string DecodeText(ReadOnlySpan<int> ids) => string.Concat(Decode(ids));
}
