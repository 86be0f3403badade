using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// A reusable, growable buffer that formats write tokens into: text, number index and significance per
/// token, and where the prompt ends. Writing into one buffer again and again allocates nothing.
/// </summary>
public sealed class TokenBuffer
{
    // One array of structs: a single bounds check per token, and no covariance check on the string store.
    private FormattedToken[] _tokens = new FormattedToken[64];
    private bool _spaceWritten;

    public int Count { get; private set; }

    /// <summary>Tokens [0, PromptLength) are the prompt; the rest is the target.</summary>
    public int PromptLength { get; private set; }

    /// <summary>When set, a space token separates every two tokens (Lee et al.'s add_space option).</summary>
    public bool Spaced { get; set; }

    /// <summary>How many numbers have been started; the next number gets this index.</summary>
    public int NumbersWritten { get; private set; }

    /// <summary>The tokens written so far, with their metadata.</summary>
    public ReadOnlySpan<FormattedToken> Tokens => _tokens.AsSpan(0, Count);

    public FormattedToken this[int index] => index >= 0 && index < Count
        ? _tokens[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the buffer holds {Count} tokens");

    public void Clear()
    {
        Count = 0;
        PromptLength = 0;
        NumbersWritten = 0;
        _spaceWritten = false;
    }

    /// <summary>Reserves the index of the next written number (operands, answers and scratch numbers alike).</summary>
    public int StartNumber() => NumbersWritten++;

    public void Add(string text, int number = -1, int significance = -1)
    {
        if (Spaced && Count > 0 && !_spaceWritten)
        {
            Append(TokenText.Space, -1, -1);
        }

        _spaceWritten = false;
        Append(text, number, significance);
    }

    /// <summary>Adds one token per character of <paramref name="text"/> (character-level text, no digits metadata).</summary>
    public void AddCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            Add(CharText(c));
        }
    }

    /// <summary>Marks the end of the prompt. With spaces on, the prompt keeps its trailing space.</summary>
    public void EndPrompt()
    {
        if (Spaced && Count > 0)
        {
            Append(TokenText.Space, -1, -1);
            _spaceWritten = true;
        }

        PromptLength = Count;
    }

    public FormattedExample ToExample(Problem problem)
    {
        var prompt = _tokens.AsSpan(0, PromptLength).ToArray();
        var target = _tokens.AsSpan(PromptLength, Count - PromptLength).ToArray();
        return new FormattedExample(problem, prompt, target);
    }

    /// <summary>The whole sequence as text, tokens joined without separators.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder(Count);
        foreach (var t in Tokens)
        {
            sb.Append(t.Text);
        }

        return sb.ToString();
    }

    internal static string CharText(char c) => c switch
    {
        >= '0' and <= '9' => TokenText.Digit(c - '0'),
        ' ' => TokenText.Space,
        '\n' => TokenText.Newline,
        _ => CharCache.Get(c),
    };

    private void Append(string text, int number, int significance)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Count * 2);
        }

        _tokens[Count++] = new FormattedToken(text, number, significance);
    }

    /// <summary>Shared one-character strings for ASCII, so character-level text allocates nothing.</summary>
    private static class CharCache
    {
        private static readonly string[] _ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

        public static string Get(char c) => c < 128 ? _ascii[c] : c.ToString();
    }
}
