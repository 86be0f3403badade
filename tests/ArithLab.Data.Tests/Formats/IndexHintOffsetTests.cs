using ArithLab.Data.Formats;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Formats;

/// <summary>Zhou et al.'s index hints start at a per-example offset into the 52-hint cycle.</summary>
public sealed class IndexHintOffsetTests
{
    private static readonly string Cycle = IndexHintFormat.ZhouAlphabet;

    /// <summary>The hint tokens of an example in written order (every other token before '=' and in the answer).</summary>
    private static (string[] Prompt, string[] Target) Hints(FormattedExample e) =>
        (e.Prompt.Where(t => Cycle.Contains(t.Text, StringComparison.Ordinal) && t.Text.Length == 1).Select(t => t.Text).ToArray(),
         e.Target.Where((_, i) => i % 2 == 0).Select(t => t.Text).ToArray());

    private static IReadOnlyList<Problem> OneToSixDigits(int count) =>
        new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 6, Seed: 11)).Take(count);

    [Fact]
    public void Training_lengths_of_one_to_six_digits_meet_every_hint_token()
    {
        // With the first hint always 'a', 1-6 digit sums (at most 7 places) never wrote 'h' or beyond.
        var format = FormatRegistry.Get("index-hints");
        var seen = OneToSixDigits(2000).SelectMany(p => Hints(format.Format(p)).Prompt).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Cycle.Select(c => c.ToString()).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hints_run_through_the_cycle_from_the_most_significant_place_and_the_answer_repeats_them_reversed()
    {
        var format = FormatRegistry.Get("index-hints");
        foreach (var problem in OneToSixDigits(300))
        {
            var (prompt, target) = Hints(format.Format(problem));
            var width = target.Length;
            Assert.Equal(2 * width, prompt.Length);
            var first = Cycle.IndexOf(prompt[0], StringComparison.Ordinal);
            var expected = Enumerable.Range(0, width).Select(k => Cycle[(first + k) % Cycle.Length].ToString()).ToArray();
            Assert.Equal(expected, prompt[..width]);
            Assert.Equal(expected, prompt[width..]);
            Assert.Equal(expected.Reverse(), target);
            var parsed = format.ParseAnswer(problem, format.Format(problem).Target.Select(t => t.Text).ToList());
            Assert.Equal(problem.Operands[0] + problem.Operands[1], Assert.Single(parsed.Answer!));
        }
    }

    [Fact]
    public void The_same_problem_always_gets_the_same_hints_and_the_seed_changes_them()
    {
        var problems = OneToSixDigits(200);
        static string Text(DigitFormat f, Problem p) => f.Format(p).Text;
        var a = FormatRegistry.Get("index-hints");
        var again = FormatRegistry.Get("index-hints");
        var salted = FormatRegistry.Get("index-hints", new FormatOptions(HintSeed: 5));
        Assert.All(problems, p => Assert.Equal(Text(a, p), Text(again, p)));
        Assert.True(problems.Count(p => Text(a, p) != Text(salted, p)) > 150, "another hint seed should move most offsets");
    }
}
