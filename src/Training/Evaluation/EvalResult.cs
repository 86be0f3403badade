namespace ArithLab.Training.Evaluation;

/// <summary>
/// Everything one evaluation measured: the grid's cells (row-major, a then b), the equal-length
/// sets beyond it, accuracy by carries (addition only; otherwise <see cref="CarriesNote"/> says why
/// not), and why wrong answers were wrong.
/// </summary>
public sealed record EvalResult
{
    public required EvalSettings Settings { get; init; }

    /// <summary>The task's name, e.g. "Addition".</summary>
    public required string Task { get; init; }

    /// <summary>The format's name, e.g. "reversed".</summary>
    public required string Format { get; init; }

    public required IReadOnlyList<CellResult> Grid { get; init; }

    public required IReadOnlyList<CellResult> Beyond { get; init; }

    /// <summary>Grid problems by the number of carries of their sum; empty when not counted.</summary>
    public required IReadOnlyList<CarryResult> Carries { get; init; }

    /// <summary>Why carries were not counted (a task other than addition); null when they were.</summary>
    public string? CarriesNote { get; init; }

    /// <summary>Wrong answers of grid and beyond sets by reason, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> Failures { get; init; }

    /// <summary>Up to <see cref="EvalSettings.MistakesPerCell"/> wrong answers of each cell, grid first.</summary>
    public IReadOnlyList<Mistake> Mistakes { get; init; } = [];

    /// <summary>
    /// Readable wrong values of grid and beyond sets by the lowest place value they got wrong
    /// (1 = units; <see cref="Mistake.FirstWrongPlace"/>), in place order; empty when none was read.
    /// </summary>
    public IReadOnlyList<KeyValuePair<int, int>> FirstWrongPlaces { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>The grid cell at (a, b), or null when it was not evaluated.</summary>
    public CellResult? Cell(int lengthA, int lengthB) =>
        Grid.FirstOrDefault(c => c.LengthA == lengthA && c.LengthB == lengthB);

    public EvalSummary Summary() => EvalSummary.Of(this);
}
