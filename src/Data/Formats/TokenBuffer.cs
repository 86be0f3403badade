using ArithLab.Data.Tokenization;

namespace ArithLab.Data.Formats;

/// <summary>
/// A reusable, growable buffer that formats write tokens into: text, number index and significance per
/// token, and where the prompt ends. Writing into one buffer again and again allocates nothing.
/// </summary>
public sealed class TokenBuffer
{
    // Parallel arrays rather than FormattedToken[]: that struct carries a BigInteger? for FoNE, and
    // copying it costs a write barrier per reference field on every token.
    private string[] _text = new string[64];
    private int[] _number = new int[64];
    private int[] _significance = new int[64];
    private bool _spaceWritten;

    public int Count { get; private set; }

    /// <summary>Tokens [0, PromptLength) are the prompt; the rest is the target.</summary>
    public int PromptLength { get; private set; }

    /// <summary>When set, a space token separates every two tokens (Lee et al.'s add_space option).</summary>
    public bool Spaced { get; set; }

    /// <summary>How many numbers have been started; the next number gets this index.</summary>
    public int NumbersWritten { get; private set; }

    /// <summary>Token texts, in order.</summary>
    public ReadOnlySpan<string> Texts => _text.AsSpan(0, Count);

    /// <summary>Per token: which written number it is a digit of, or -1 (see <see cref="FormattedToken.Number"/>).</summary>
    public ReadOnlySpan<int> Numbers => _number.AsSpan(0, Count);

    /// <summary>Per token: the digit's place value, or -1 (see <see cref="FormattedToken.Significance"/>).</summary>
    public ReadOnlySpan<int> Significances => _significance.AsSpan(0, Count);

    public FormattedToken this[int index] => index >= 0 && index < Count
        ? new FormattedToken(_text[index], _number[index], _significance[index])
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
        var prompt = new FormattedToken[PromptLength];
        var target = new FormattedToken[Count - PromptLength];
        for (var i = 0; i < Count; i++)
        {
            var t = new FormattedToken(_text[i], _number[i], _significance[i]);
            if (i < PromptLength)
            {
                prompt[i] = t;
            }
            else
            {
                target[i - PromptLength] = t;
            }
        }

        return new FormattedExample(problem, prompt, target);
    }

    /// <summary>The whole sequence as text, tokens joined without separators.</summary>
    public override string ToString()
    {
        return string.Concat(_text.AsSpan(0, Count));
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
        var i = Count;
        if (i == _text.Length)
        {
            Array.Resize(ref _text, i * 2);
            Array.Resize(ref _number, i * 2);
            Array.Resize(ref _significance, i * 2);
        }

        _text[i] = text;
        _number[i] = number;
        _significance[i] = significance;
        Count = i + 1;
    }

    /// <summary>Shared one-character strings for ASCII, so character-level text allocates nothing.</summary>
    private static class CharCache
    {
        private static readonly string[] _ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

        public static string Get(char c) => c < 128 ? _ascii[c] : c.ToString();
    }
}
