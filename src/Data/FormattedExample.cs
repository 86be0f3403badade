namespace ArithLab.Data;

/// <summary>
/// A problem written out in one format: the prompt the model reads and the target it must
/// produce (which ends where the answer ends; EOS is added by the tokenizer/batcher).
/// </summary>
public sealed record FormattedExample(Problem Problem, IReadOnlyList<FormattedToken> Prompt, IReadOnlyList<FormattedToken> Target)
{
    /// <summary>Prompt and target as plain text, tokens joined without separators.</summary>
    public string Text => string.Concat(Prompt.Select(t => t.Text)) + string.Concat(Target.Select(t => t.Text));
}
