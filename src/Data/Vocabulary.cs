namespace ArithLab.Data;

/// <summary>
/// Maps token strings to ids and back. Special tokens come first with fixed ids, so a
/// padded batch is recognisable whatever the format; everything else is added by the
/// format that needs it. Nothing outside this type hard-codes a token id.
/// </summary>
public sealed class Vocabulary
{
    public const string Pad = "[PAD]";
    public const string Bos = "[BOS]";
    public const string Eos = "[EOS]";

    public const int PadId = 0;
    public const int BosId = 1;
    public const int EosId = 2;

    private readonly List<string> _tokens = new() { Pad, Bos, Eos };
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal) { [Pad] = PadId, [Bos] = BosId, [Eos] = EosId };

    /// <summary>A vocabulary of the special tokens followed by <paramref name="tokens"/> in order (duplicates ignored).</summary>
    public Vocabulary(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var t in tokens)
        {
            if (!_ids.ContainsKey(t))
            {
                _ids[t] = _tokens.Count;
                _tokens.Add(t);
            }
        }
    }

    public int Count => _tokens.Count;

    public IReadOnlyList<string> Tokens => _tokens;

    public bool Contains(string token) => _ids.ContainsKey(token);

    public int Id(string token) =>
        _ids.TryGetValue(token, out var id)
            ? id
            : throw new ArgumentException($"token '{token}' is not in the vocabulary ({Count} tokens)", nameof(token));

    public string Token(int id) =>
        id >= 0 && id < _tokens.Count
            ? _tokens[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id outside the vocabulary of {Count}");
}
