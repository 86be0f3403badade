namespace ArithLab.Data.Positions;

/// <summary>
/// Which position-id scheme to use and its randomisation. <see cref="Training"/> turns the
/// random offsets on (absolute or coupled starting id, Abacus offset); at evaluation they are fixed.
/// </summary>
public sealed record PositionOptions
{
    public PositionScheme Scheme { get; init; } = PositionScheme.Absolute;

    /// <summary>Whether ids get the training-time random offsets.</summary>
    public bool Training { get; init; }

    /// <summary>Abacus: the offset k is drawn uniformly from [0, AbacusMaxOffset] once per batch (the reference abacus.py defaults to max_k = 99).</summary>
    public int AbacusMaxOffset { get; init; } = 100;

    /// <summary>
    /// Abacus: draw k once per example instead of once per batch, so that one batch trains many
    /// offsets. The reference abacus.py draws one k per forward pass, i.e. per batch (the default).
    /// </summary>
    public bool AbacusOffsetPerExample { get; init; }

    /// <summary>
    /// Abacus: the offset k at evaluation (not training). The reference evaluates at k = 0; another k
    /// tests the model at an offset training drew, which matters for a model that has learned some
    /// offsets and not others (docs/experiments.md, McLeish et al.).
    /// </summary>
    public int AbacusEvalOffset { get; init; }

    /// <summary>
    /// Coupled: the largest id a coupled example may use. The starting id is drawn so that every
    /// id stays in [1, CouplingMaxPosition]. 202 leaves room for 200-digit sums (ids up to K + 2),
    /// the longest Cho et al. 2024 test.
    /// </summary>
    public int CouplingMaxPosition { get; init; } = 202;

    /// <summary>
    /// Absolute: while training, each example's ids run s, s + 1, ... from a start s drawn uniformly
    /// from [0, AbsoluteMaxOffset], as an example anywhere in a NanoGPT context window; at evaluation
    /// s = 0. 0 starts every example at 0.
    /// </summary>
    public int AbsoluteMaxOffset { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, "unknown position scheme");
        }
        if (AbacusMaxOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AbacusMaxOffset), AbacusMaxOffset, "the Abacus offset bound must be >= 0");
        }
        if (AbacusEvalOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AbacusEvalOffset), AbacusEvalOffset, "the Abacus evaluation offset must be >= 0");
        }
        if (AbsoluteMaxOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AbsoluteMaxOffset), AbsoluteMaxOffset, "the absolute start bound must be >= 0");
        }
        if (CouplingMaxPosition < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(CouplingMaxPosition), CouplingMaxPosition, "the coupled id range must be at least 3 (digit, operator, answer)");
        }
    }
}
