using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;

namespace ArithLab.Data.Tests.Sampling;

public sealed class EpochCycleTests
{
    private static readonly IReadOnlyList<Problem> Ten =
        Enumerable.Range(0, 10).Select(i => ProblemFactory.Create(TaskSpec.Addition, i, 100 + i)).ToList();

    private static List<int> Serve(EpochCycle cycle, int count)
    {
        var into = new DigitProblem();
        var served = new List<int>(count);
        for (var k = 0; k < count; k++)
        {
            cycle.Next(into);
            served.Add((int)into.ToProblem().Operands[0]);
        }
        return served;
    }

    [Fact]
    public void Every_epoch_serves_each_problem_once_in_a_new_order()
    {
        var cycle = new EpochCycle(Ten, TaskSpec.Addition, seed: 3);
        var served = Serve(cycle, 40);
        var epochs = served.Chunk(10).ToList();
        Assert.All(epochs, e => Assert.Equal(Enumerable.Range(0, 10), e.Order()));
        Assert.True(epochs.Distinct(new SequenceComparer()).Count() >= 3, "epochs should be reshuffled");
        Assert.Equal((4L, 0), (cycle.Epoch, cycle.Position));
        Serve(cycle, 3);
        Assert.Equal((4L, 3), (cycle.Epoch, cycle.Position));
    }

    [Fact]
    public void The_kth_problem_depends_on_the_seed_alone_not_on_how_serving_was_split()
    {
        var straight = Serve(new EpochCycle(Ten, TaskSpec.Addition, seed: 9), 37);
        var again = Serve(new EpochCycle(Ten, TaskSpec.Addition, seed: 9), 37);
        var other = Serve(new EpochCycle(Ten, TaskSpec.Addition, seed: 10), 37);
        Assert.Equal(straight, again);
        Assert.NotEqual(straight, other);
    }

    [Fact]
    public void Served_problems_keep_their_operands_and_answers()
    {
        var into = new DigitProblem();
        var cycle = new EpochCycle(Ten, TaskSpec.Addition, seed: 1);
        for (var k = 0; k < 10; k++)
        {
            cycle.Next(into);
            var p = into.ToProblem();
            Assert.Equal(p.Operands[0] + p.Operands[1], p.Answer[0]);
            Assert.Equal(100 + p.Operands[0], p.Operands[1]);
        }
    }

    [Fact]
    public void Distinct_problems_stop_at_the_count_or_when_draws_run_out()
    {
        // 1-digit addition has 100 problems in all; 90 are asked for and 150 cannot be found.
        var sampler = new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 1, Seed: 2));
        var ninety = DistinctProblems.Draw(sampler, 90, 100_000);
        Assert.Equal(90, ninety.Select(DistinctProblems.Key).Distinct().Count());
        var all = DistinctProblems.Draw(new ProblemSampler(new SamplerOptions(TaskSpec.Addition, 1, 1, Seed: 2)), 150, 100_000);
        Assert.Equal(100, all.Count);
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(int[] obj) => obj.Aggregate(17, (h, v) => (h * 31) + v);
    }
}
