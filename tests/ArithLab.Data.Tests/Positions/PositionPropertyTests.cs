using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using FsCheck.Xunit;

namespace ArithLab.Data.Tests.Positions;

/// <summary>Position-id invariants for random operands up to 200 digits, through the lab's line formats.</summary>
public sealed class PositionPropertyTests
{
    private static readonly string[] LineFormats = ["plain", "reversed", "reversed-all"];

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Coupled_ids_depend_only_on_significance_for_sums_and_products(LongNumber a, LongNumber b, ulong seed)
    {
        var options = new PositionOptions { Scheme = PositionScheme.Coupled, Training = true, CouplingMaxPosition = 500 };
        var problems = new[]
        {
            ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value),
            ProblemFactory.Create(TaskSpec.Multiplication, a.Value, b.Value),
        };
        return problems.All(problem => LineFormats.All(name =>
        {
            var example = FormatRegistry.Get(name).Format(problem);
            var ids = PositionIds.For(example, options, new SeededRandom(seed));
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            var digits = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].IsDigit).ToArray();
            // id + significance is one constant (start + K) for every digit of every number.
            return digits.Select(i => ids[i + 1] + tokens[i].Significance).Distinct().Count() == 1
                && ids.Skip(1).SkipLast(1).All(id => id >= 1 && id <= 500);
        }));
    }

    [Property(Arbitrary = [typeof(LongNumbers)], MaxTest = 60)]
    public bool Abacus_ids_count_each_number_from_one_in_writing_order(LongNumber a, LongNumber b)
    {
        var options = new PositionOptions { Scheme = PositionScheme.Abacus };
        var problem = ProblemFactory.Create(TaskSpec.Addition, a.Value, b.Value);
        return LineFormats.All(name =>
        {
            var example = FormatRegistry.Get(name).Format(problem);
            var ids = PositionIds.For(example, options, new SeededRandom(0));
            var tokens = example.Prompt.Concat(example.Target).ToArray();
            return tokens.Select(t => t.Number).Where(n => n >= 0).Distinct().All(number =>
            {
                var columns = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Number == number && tokens[i].IsDigit).ToArray();
                return columns.Select(i => ids[i + 1]).SequenceEqual(Enumerable.Range(1, columns.Length));
            });
        });
    }
}
