using System.Globalization;
using System.Text;
using ArithLab.Data.Units;

namespace ArithLab.Training.Units;

/// <summary>
/// One row of the success table over seeds (Madsen &amp; Johansen 2020, Table 2): success rate with its
/// Wilson 95% interval, median and mean "solved at" and mean sparsity error over the successful seeds.
/// </summary>
public sealed record UnitsSummary
{
    public required string Name { get; init; }

    public required UnitOperation Operation { get; init; }

    public required string Model { get; init; }

    public required long Iterations { get; init; }

    public required int Seeds { get; init; }

    public required int Successes { get; init; }

    public double Rate => (double)Successes / Seeds;

    public WilsonInterval Interval => WilsonInterval.Of(Successes, Seeds);

    public double? SolvedAtMedian { get; init; }

    public double? SolvedAtMean { get; init; }

    public double? SparsityErrorMean { get; init; }

    public static UnitsSummary Of(UnitsConfig config, IReadOnlyList<SeedOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outcomes);
        var successful = outcomes.Where(o => o.Success).ToList();
        var solved = successful.Where(o => o.SolvedAt is not null).Select(o => (double)o.SolvedAt!.Value).Order().ToList();
        return new UnitsSummary
        {
            Name = config.Name,
            Operation = config.Task.Operation,
            Model = ModelName(config.Model.First, config.Model.Second),
            Iterations = config.Train.Iterations,
            Seeds = outcomes.Count,
            Successes = successful.Count,
            SolvedAtMedian = solved.Count == 0 ? null : solved.Count % 2 == 1 ? solved[solved.Count / 2] : (solved[solved.Count / 2 - 1] + solved[solved.Count / 2]) / 2,
            SolvedAtMean = solved.Count == 0 ? null : solved.Average(),
            SparsityErrorMean = successful.Count == 0 ? null : successful.Average(o => o.SparsityErrorAtBest),
        };
    }

    /// <summary>The paper's names: "NMU" for NAU → NMU, "NAC•" for NAC₊ → NAC•, else the repeated unit's name.</summary>
    public static string ModelName(UnitKind first, UnitKind second) => (first, second) switch
    {
        (UnitKind.Nau, UnitKind.Nmu) => "NMU",
        (UnitKind.NacAdd, UnitKind.NacMul) => "NAC•",
        _ when first == second => Short(first),
        _ => $"{Short(first)} → {Short(second)}",
    };

    private static string Short(UnitKind kind) => kind switch
    {
        UnitKind.Nau => "NAU",
        UnitKind.Nmu => "NMU",
        UnitKind.NacAdd => "NAC₊",
        UnitKind.NacMul => "NAC•",
        UnitKind.Nalu => "NALU",
        _ => "Linear",
    };

    public static string MarkdownTable(IEnumerable<UnitsSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendLine("| op | model | success | Wilson 95% | solved at (median) | solved at (mean) | sparsity error (mean) | seeds | iterations |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            var ci = r.Interval;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Operation.Symbol()} | {r.Model} | {Percent(r.Rate)} | {Percent(ci.Lower)}–{Percent(ci.Upper)} | {Num(r.SolvedAtMedian)} | {Num(r.SolvedAtMean)} | {Num(r.SparsityErrorMean)} | {r.Seeds} | {r.Iterations:N0} |");
        }
        return sb.ToString();
    }

    private static string Percent(double p) => (100 * p).ToString("F0", CultureInfo.InvariantCulture) + "%";

    private static string Num(double? v) => v is { } d ? d.ToString("g3", CultureInfo.InvariantCulture) : "—";
}
